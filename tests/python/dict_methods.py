d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.pop("zz", "default"))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.update({"x": 9}, y=10); print(d)
d.update([("p", 1)]); print(d)
del d["x"]; print(d)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])))
c = d.copy(); c["new"] = 1; print("new" in d, "new" in c)
print(d.popitem(), d)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
print({1: "a", 1.0: "b"}, {True: 1, 1: 2})
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
m = {"x": 1} | {"y": 2}; print(m)
m |= {"z": 3}; print(m)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
d2 = {}
for w in "the quick the lazy the end".split():
    d2[w] = d2.get(w, 0) + 1
print(d2)
print({k: v for k, v in zip("abc", range(3))}, dict(sorted({"z": 1, "a": 2}.items())))
print(list(reversed({"a": 1, "b": 2})), {"a": 1} == {"a": 1}, {"a": 1} != {"a": 2})
keys = {"a": 1, "b": 2}.keys()
print(keys, keys & {"a"}, "a" in keys, len(keys))
