class U:
    def __init__(self, v): self.v = v
    def __invert__(self): return ("__invert__", self.v)
class N: pass
print(~U(3))
try:
    ~N()
except TypeError as e:
    print("TypeError:", e)
