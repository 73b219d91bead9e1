class Student:
    def __init__(self, name, grade, age):
        self.name, self.grade, self.age = name, grade, age
    def __repr__(self): return f"{self.name}({self.grade},{self.age})"
    def __lt__(self, o): return (self.grade, self.name) < (o.grade, o.name)
people = [Student("ann", 90, 20), Student("bob", 85, 22), Student("cy", 90, 19), Student("di", 70, 21)]
print(sorted(people))
print(sorted(people, key=lambda s: s.age))
print(sorted(people, key=lambda s: (-s.grade, s.age)))
print(max(people), min(people, key=lambda s: s.age))
from operator import attrgetter
print(sorted(people, key=attrgetter("name"), reverse=True))
