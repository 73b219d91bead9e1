class Point:
    """A point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p, p.dist2(), Point.count, Point.__doc__)
print(p == Point(3, 4), p != Point(1, 2), len({p, Point(3, 4)}))
print(type(p).__name__, Point.__name__, Point.__qualname__)
p.z = 5
print(sorted(vars(p).items()))
print(hasattr(p, "z"), getattr(p, "w", "nope"))
del p.z
print(hasattr(p, "z"))
