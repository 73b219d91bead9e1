class A:
    x = 1
    def __init__(self): self.y = 2
a = A()
print(A.__name__, A.__module__, A.__bases__, type(a) is A, a.__class__.__name__)
print(sorted(k for k in A.__dict__ if not k.startswith("__")), a.__dict__)
print(A.x, a.x, getattr(A, "x"))
A.x = 10
print(a.x)
a.x = 5
print(a.x, A.x)
del a.x
print(a.x)
class B(A):
    pass
print(B.x, B.__mro__[1] is A, B().y, issubclass(B, object))
print(repr(A)[:17], str(type(3)), repr(type))
class WithClassVar:
    items = []
    def add(self, v): self.items.append(v)
w1, w2 = WithClassVar(), WithClassVar()
w1.add(1); w2.add(2)
print(WithClassVar.items)
