class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Box[int], list[int], dict[str, int] is not None, tuple[int, ...] is not None)
from typing import Generic, TypeVar
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, x): self.items.append(x); return self
s = Stack[int]().push(1).push(2)
print(s.items, T)
