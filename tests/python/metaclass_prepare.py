class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 42}
    def __new__(mcls, name, bases, ns):
        ns["names"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcls, name, bases, ns)
class C(metaclass=OrderedMeta):
    b = 1
    a = 2
    def m(self): pass
print(C.names, C.injected, type(C).__name__)
class Count(type):
    instances = 0
    def __call__(cls, *a, **k):
        Count.instances += 1
        return super().__call__(*a, **k)
class D(metaclass=Count):
    def __init__(self, x): self.x = x
D(1); D(2)
print(Count.instances, D(3).x)
