adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
mul = lambda a, b=2, *c, d=3, **e: (a * b, c, d, e)
print(mul(2), mul(2, 3, 4, 5, d=6, z=7))
key_funcs = {"len": len, "neg": lambda s: -len(s), "alpha": str.lower}
words = ["bb", "a", "CCC"]
for name, fn in key_funcs.items():
    print(name, sorted(words, key=fn))
print((lambda: (yield))().__class__.__name__, (lambda *a: a)(1, 2))
