class U:
    def __init__(self, v): self.v = v
    def __pos__(self): return ("__pos__", self.v)
class N: pass
print(+U(3))
try:
    +N()
except TypeError as e:
    print("TypeError:", e)
