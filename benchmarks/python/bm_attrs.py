from bm_common import run


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def attrs():
    acc = Vec(0, 0)
    step = Vec(1, 2)
    total = 0
    for i in range(300_000):
        acc = acc.add(step)
        total += acc.dot(step) % 1000
    return total + acc.x + acc.y


run("attrs", attrs)
