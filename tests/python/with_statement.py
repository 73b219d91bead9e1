class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as a:
    print("inside", a.name)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after b")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
with CM("x") as x, CM("y") as y:
    print("two", x.name, y.name)
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM(str(i)):
        if i == 1:
            break
try:
    with 5:
        pass
except TypeError as e:
    print(e)
