class U:
    def __init__(self, v): self.v = v
    def __neg__(self): return ("__neg__", self.v)
class N: pass
print(-U(3))
try:
    -N()
except TypeError as e:
    print("TypeError:", e)
