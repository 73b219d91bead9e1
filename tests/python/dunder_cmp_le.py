class C:
    def __init__(self, v): self.v = v
    def __le__(self, o):
        print("C.le", self.v, getattr(o, "v", o))
        if isinstance(o, (C, int)): return "le-result"
        return NotImplemented
    def __repr__(self): return f"C({self.v})"
class D(C):
    pass
print(C(1) <= C(2))
print(C(1) <= 5)
print(5 <= C(1))
print(C(1) <= D(2))
try:
    print(C(1) <= "x")
except TypeError as e:
    print("TypeError:", e)
print(object() <= object() if "<=" in ("==", "!=") else "skip")
