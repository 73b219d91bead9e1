class V:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, V): return V(("add", self.v, o.v))
        if isinstance(o, int): return V(("add-int", self.v, o))
        return NotImplemented
    def __radd__(self, o):
        if isinstance(o, int): return V(("radd", o, self.v))
        return NotImplemented
    def __repr__(self): return f"V({self.v!r})"
class W(V):
    def __radd__(self, o): return V(("W.radd", o.v if isinstance(o, V) else o, self.v))
a, b = V(1), V(2)
print(a + b, a + 3, 3 + a, V(1) + W(2))
x = V(5); x += V(6); print(x)
y = 7; y += V(8); print(y)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
class I(V):
    def __iadd__(self, o):
        self.v = ("iadd", self.v); return self
z = I(1); z += 2; print(z)
