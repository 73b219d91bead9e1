class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0: return self
        return NotImplemented
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self): return V(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x and self.y == o.y
    def __lt__(self, o): return abs(self) < abs(o)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __bool__(self): return bool(self.x or self.y)
    def __repr__(self): return f"V({self.x}, {self.y})"
a, b = V(1, 2), V(3, 4)
print(a + b, a * 3, 3 * a, -a, abs(b))
print(sum([a, b]), a == V(1, 2), a < b, sorted([b, a]))
print(len(a), a[0], list(a), 2 in a, bool(V(0, 0)))
try:
    a + 1
except TypeError as e:
    print(e)
a += b
print(a)
class Cmp:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
print(Cmp(1) < Cmp(2), max([Cmp(3), Cmp(1)], key=lambda c: c.v).v)
