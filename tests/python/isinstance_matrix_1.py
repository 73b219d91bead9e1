objs = [0, 1.0, 's', b'b', [1], (1,), {1: 2}, {1}, frozenset(), None, True, 1j, range(2), len, int, type, object(), Exception('e'), iter([]), (x for x in []), slice(1), ..., NotImplemented]
types = [dict, set, frozenset, bool, complex, object]
for o in objs:
    print(type(o).__name__, [isinstance(o, t) for t in types])
