class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = "Meta"
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __call__(cls, *a, **k):
        print("calling", cls.__name__)
        return super().__call__(*a, **k)
class Base(metaclass=Meta):
    def __init__(self, v): self.v = v
class Child(Base): pass
c = Child(3)
print(c.v, Child.created_by, type(Child).__name__)
registry = []
class Plugin:
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, key))
class P1(Plugin, key="one"): pass
class P2(Plugin): pass
print(registry)
