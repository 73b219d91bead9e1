class A:
    def __init__(self): self.__secret = 1; self._prot = 2
    def reveal(self): return self.__secret
    def __private(self): return "private"
    def call(self): return self.__private()
a = A()
print(a.reveal(), a._A__secret, a._prot, a.call(), hasattr(a, "__secret"), "_A__private" in dir(A))
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = 99
print(sorted(k for k in vars(B()) if "secret" in k))
