x = 1
def f():
    y = 2
    loc = locals()
    return sorted(loc.items())
print(f(), "x" in globals(), globals()["__name__"])
globals()["dynamic"] = "made"
print(dynamic)
def g(a, b=2, *args, **kw):
    return sorted(locals())
print(g(1))
