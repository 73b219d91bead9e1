from enum import Enum, IntEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1), Color.RED == Color.GREEN)
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
print(Shape.CIRCLE.value, Shape.SQUARE.value, [s.name for s in Shape])
class Prio(IntEnum):
    LOW = 1
    HIGH = 5
print(Prio.HIGH > Prio.LOW, Prio.LOW + 1, sorted([Prio.HIGH, Prio.LOW]))
try:
    Color(7)
except ValueError as e:
    print(e)
d = {Color.RED: "r"}
print(d[Color.RED], isinstance(Color.RED, Color))
class Planet(Enum):
    EARTH = (5.97, 6.37)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
