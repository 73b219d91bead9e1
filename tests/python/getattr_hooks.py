class Dyn:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "nope", "default"), hasattr(d, "xa"), hasattr(d, "b"))
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
l = Logged(); l.a = 1; del l.a
class All:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return super().__getattribute__(name)
al = All(); al.z = 3
print(al.magic, al.z)
