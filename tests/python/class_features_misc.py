class Meta(type):
    def __repr__(cls): return f"<Meta {cls.__name__}>"
    @property
    def table(cls): return cls.__name__.lower() + "s"
class User(metaclass=Meta): pass
print(User, User.table, type(User).__name__)
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __iter__(self): yield self.x; yield self.y
    def __repr__(self): return "Vec(%r, %r)" % tuple(self)
print(Vec(1, 2), list(Vec(3, 4)), dict(zip("xy", Vec(5, 6))))
class Cls:
    count = 0
    def __new__(cls, *args):
        cls.count += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
a, b = Cls(1), Cls(2)
print(Cls.count, a.v, b.v)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
class WithCall:
    def __call__(self, x): return x * 2
print(WithCall()(21), callable(WithCall()), callable(WithCall))
