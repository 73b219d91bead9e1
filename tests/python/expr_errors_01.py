exprs = ['"abc"[10]', '{}["k"]', '{}[[]]', '{[]}', 'hash([])', 'hash({})', 'set().pop()', '[].pop()', '[].remove(1)', '[1].index(2)', '"abc".index("z")', '(1,).index(2)', '"a" + 1', '1 + "a"', '"a" * "b"', '[1] + (2,)']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
