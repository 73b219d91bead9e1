class A:
    pass
a = A()
print(repr(a).startswith("<__main__.A object at 0x"), str(a) == repr(a))
class B:
    def __repr__(self): return "B()"
class C(B):
    def __str__(self): return "C-str"
print(B(), repr(C()), str(C()), [C()], f"{C()}", f"{C()!r}", "%s %r" % (C(), C()))
class D:
    def __format__(self, spec): return f"D[{spec}]"
print(format(D(), "xyz"), f"{D():abc}", "{:q}".format(D()))
class E(Exception):
    def __repr__(self): return "E!"
print(repr(E()), str(E("m")))
print(repr(int), repr(len), repr(None), repr(...), repr(NotImplemented))
