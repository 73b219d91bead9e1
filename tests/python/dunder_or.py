class V:
    def __init__(self, v): self.v = v
    def __or__(self, o):
        if isinstance(o, V): return V(("or", self.v, o.v))
        if isinstance(o, int): return V(("or-int", self.v, o))
        return NotImplemented
    def __ror__(self, o):
        if isinstance(o, int): return V(("ror", o, self.v))
        return NotImplemented
    def __repr__(self): return f"V({self.v!r})"
class W(V):
    def __ror__(self, o): return V(("W.ror", o.v if isinstance(o, V) else o, self.v))
a, b = V(1), V(2)
print(a | b, a | 3, 3 | a, V(1) | W(2))
x = V(5); x |= V(6); print(x)
y = 7; y |= V(8); print(y)
try:
    a | "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" | a
except TypeError as e:
    print("TypeError:", e)
class I(V):
    def __ior__(self, o):
        self.v = ("ior", self.v); return self
z = I(1); z |= 2; print(z)
