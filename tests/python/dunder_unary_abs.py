class U:
    def __init__(self, v): self.v = v
    def __abs__(self): return ("__abs__", self.v)
class N: pass
print(abs(U(3)))
try:
    abs(N())
except TypeError as e:
    print("TypeError:", e)
