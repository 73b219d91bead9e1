it = iter([1, 2, 3])
print(list(it), list(it))
gen = (x for x in "ab")
print(next(gen), next(gen), next(gen, "end"))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
m = map(str, [1])
print(list(m), list(m))
e = enumerate("ab")
print(next(e), list(e))
r = reversed([1, 2, 3])
print(next(r), list(r))
d = {"a": 1}
it = iter(d)
d["b"] = 2
try:
    next(it)
except RuntimeError as ex:
    print("RuntimeError", ex)
