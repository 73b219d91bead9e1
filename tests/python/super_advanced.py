class Base:
    def __init__(self, **kw):
        self.base_kw = kw
    def greet(self):
        return "Base"
    @classmethod
    def create(cls):
        return cls()
class Mixin:
    def greet(self):
        return "Mixin>" + super().greet()
class Child(Mixin, Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.child = True
    def greet(self):
        return "Child>" + super().greet()
    @classmethod
    def create(cls):
        obj = super().create()
        obj.via = "create"
        return obj
c = Child(a=1)
print(c.greet(), c.base_kw, c.child, Child.create().via)
print(super(Child, c).greet(), super(Mixin, c).greet())
class Prop(Base):
    @property
    def p(self):
        return "prop"
class SubProp(Prop):
    @property
    def p(self):
        return "sub-" + super().p
print(SubProp().p)
