from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), asdict(i), astuple(i))
print(replace(i, price=2.0), [f.name for f in fields(Item)])
@dataclass(order=True, frozen=True)
class Pt:
    x: int
    y: int = 0
print(sorted([Pt(2, 1), Pt(1, 5), Pt(1, 2)]), Pt(1) < Pt(2), hash(Pt(1, 2)) == hash(Pt(1, 2)))
try:
    Pt(1).x = 5
except Exception as e:
    print(type(e).__name__, e)
@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    def add(self, n):
        self.children.append(n)
        return self
    def __post_init__(self):
        self.value *= 10
print(Node(1).add(Node(2)))
