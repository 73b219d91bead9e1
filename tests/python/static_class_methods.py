class K:
    factor = 2
    def __init__(self, v): self.v = v
    @staticmethod
    def add(a, b): return a + b
    @classmethod
    def make(cls, v): return cls(v * cls.factor)
    def __repr__(self): return f"{type(self).__name__}({self.v})"
class L(K):
    factor = 10
print(K.add(1, 2), K(1).add(3, 4))
print(K.make(3), L.make(3))
print(K.make.__self__ is K)
