# dir() of classes lists the class and its bases, not the metaclass; __weakref__/__getstate__/__reduce__ present
class A:
    x = 1
    def f(self): pass
class B(A):
    __slots__ = ()
class M(type):
    def meth(cls): pass
class C(metaclass=M):
    pass
print(dir(A))
print(dir(B))
print(dir(C))
print(dir(A()))
import math
print([n for n in dir(int) if not n.startswith("_")], "mro" in dir(type), "meth" in dir(C), "meth" in dir(M), hasattr(5, "is_integer"))
print(A().__getstate__(), B().__getstate__() if False else "", A.__weakref__ is not None, A().__weakref__)
a = A(); a.y = 2; print(a.__getstate__())
