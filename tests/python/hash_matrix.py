vals = [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 0.0, 1.0, 1.5, -1.5, 0.1, 1e100, True, False, (), (1,), (1, 2), ((1, 2), 3), 3 + 4j, 2.5j]
for v in vals:
    print(repr(v), hash(v))
print(hash(frozenset()), hash(frozenset([1])) == hash(frozenset([1])), hash(None) == hash(None))
