ops = ["get('a')", "get('z', 0)", "pop('a')", "pop('z', None)", "pop('z')", "setdefault('a', 9)", "setdefault('n', [])", "update(b=5)", "update([('c', 3)])",
       "popitem()", "keys()", "values()", "items()", "copy()", "clear()", "__contains__('a')", "__len__()"]
for op in ops:
    for base in ({"a": 1, "b": 2}, {}):
        d = dict(base)
        try:
            r = eval("d." + op)
            print(op, base, "->", list(r) if type(r).__name__.startswith("dict_") else r, d)
        except Exception as e:
            print(op, base, "->", type(e).__name__, e)
