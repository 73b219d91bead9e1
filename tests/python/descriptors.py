class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "computed"
class M:
    x = Typed()
    y = NonData()
m = M()
m.x = 5
print(m.x, M.x.name)
try:
    m.x = "s"
except TypeError as e:
    print(e)
print(m.y)
m.y = "instance wins"
print(m.y)
