import copy
from abc import ABC, abstractmethod
from contextlib import contextmanager, suppress
a = [[1, 2], {"k": [3]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[0].append(9)
print(b[0], c[0], c is not a, c[1] == a[1])
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).area())
try:
    Shape()
except TypeError as e:
    print(e)
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("x"):
        raise ValueError("oops")
except ValueError as e:
    print("caught", e)
with suppress(KeyError):
    {}["missing"]
print("suppressed")
