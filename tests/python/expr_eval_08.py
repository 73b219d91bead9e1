exprs = ['int.__bases__', 'object.__bases__', 'type.__class__', '(lambda: 0).__name__', 'sum(range(101)) == 5050', 'sum(x * x for x in range(10))', '"".join(sorted(set("mississippi")))', 'max(range(10), key=lambda v: v % 4)', 'sorted(["b", "A", "c"], key=str.lower)', 'list(zip(*[(1, "a"), (2, "b")]))', '[*"ab", *range(2)]', '{**{"a": 1}, **{"a": 2}}', '[1, 2, 3][5:10]', '"abc"[5:]', '"abc"[-10:]', 'divmod(7.5, 2)', '7.5 % 2', '-7.5 // 2', '2 ** 100 % 1000', '(2 ** 100).bit_length()']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
