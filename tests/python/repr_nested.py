data = [1, [2, [3, [4, []]]], (5, (6,)), {"k": {"n": [7]}}, {8}, frozenset({9}), None, "s", b"b", 1.5, True, 1j]
print(data)
print(repr(data))
print(str(data))
d = {"a": [1, {"b": (2, 3)}], (1, 2): "tuple-key", None: None}
print(d)
l = [1, 2]
l.append(l)
print(l)
dd = {"self": None}
dd["self"] = dd
print(dd)
print(repr(()), repr((1,)), repr([]), repr({}), repr(set()), repr(frozenset()), repr(""), repr(b""))
