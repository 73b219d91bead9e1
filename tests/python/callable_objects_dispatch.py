class Dispatcher:
    def __init__(self): self.handlers = {}
    def on(self, name):
        def deco(fn):
            self.handlers[name] = fn
            return fn
        return deco
    def __call__(self, name, *args):
        return self.handlers.get(name, lambda *a: "unknown")(*args)
d = Dispatcher()
@d.on("add")
def _add(a, b): return a + b
@d.on("neg")
def _neg(a): return -a
print(d("add", 2, 3), d("neg", 4), d("mul", 1, 2), sorted(d.handlers))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
def calc(expr):
    a, op, b = expr.split()
    return ops[op](int(a), int(b))
print([calc(e) for e in ["1 + 2", "7 - 10", "6 * 7"]])
