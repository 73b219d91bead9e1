class P:
    cls_attr = 1
    def __init__(self): self.a = 1; self.b = 2
p = P()
print(vars(p), p.__dict__ is vars(p))
p.__dict__["c"] = 3
print(p.c, sorted(vars(p)))
del p.__dict__["a"]
print(hasattr(p, "a"), [n for n in dir(p) if not n.startswith("_")])
def f(): pass
f.custom = "attr"
print(f.custom, vars(f))
import math
print("sqrt" in vars(math), "pi" in dir(math))
