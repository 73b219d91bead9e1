class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = S()
s.b = 2
print(s.a, s.b)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(S().b)
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "__dict__"))
