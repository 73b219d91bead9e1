def loop():
    x = 0
    for i in range(200_000):
        x += (i % 7) * (i % 11)
    return x
def calls():
    def add(a, b=1, *, c=0):
        return a + b + c
    t = 0
    for i in range(20_000):
        t += add(i) + add(i, 2) + add(i, c=3)
    return t
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def add(self, o): return Vec(self.x + o.x, self.y + o.y)
def attrs():
    acc = Vec(0, 0); step = Vec(1, 2)
    for i in range(20_000):
        acc = acc.add(step)
    return acc.x, acc.y
print(loop(), calls(), attrs())
