class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __hash__(self): return hash(self.v)
s = {K(1), K(1), K(2)}
print(len(s), K(1) in s, {K(3): "x"}[K(3)])
class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")))
print(hash(-1), hash(2 ** 61), hash(2 ** 61 - 1), hash(0.5), hash(-0.5), hash(float("inf")))
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
