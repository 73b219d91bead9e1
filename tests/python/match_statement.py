from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("r",)
    def __init__(self, r): self.r = r
    def __repr__(self): return f"Circle({self.r})"
def describe(obj):
    match obj:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case "hello":
            return "greeting"
        case str() as s:
            return f"string {s!r}"
        case None:
            return "none"
        case True:
            return "true"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [first, *rest] if len(rest) > 2:
            return f"long seq starting {first}, rest {rest}"
        case (a, b):
            return f"pair {a} {b}"
        case [a, b, *_, last]:
            return f"seq {a} {b} ... {last}"
        case {"type": "user", "name": name, **extra}:
            return f"user {name} extra={extra}"
        case {"id": ident}:
            return f"has id {ident}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point with x={px}"
        case Circle(r):
            return f"circle r={r}"
        case _:
            return "other"
tests = [0, 1, -5, 7, "hello", "world", None, True, [], [9], [1, 2, 3, 4, 5], (3, 4), [1, 2, 3],
         {"type": "user", "name": "ann", "age": 3}, {"id": 42, "x": 1}, Point(0, 0), Point(2, 2), Point(1, 5), Circle(3), 2.5, {"other": 1}]
for t in tests:
    print(repr(t), "->", describe(t))
def http(status):
    match status:
        case 200 | 201:
            return "ok"
        case 404:
            return "not found"
        case code if 500 <= code < 600:
            return "server error"
    return "unknown"
print([http(s) for s in (200, 201, 404, 503, 302)])
