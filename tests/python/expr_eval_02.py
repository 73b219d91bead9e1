exprs = ['"%(x)s" % {"x": 1}', '"{:>4}".format("ab")', 'f"{7 * 6}"', 'f"{\'x\':*^5}"', 'chr(ord("a") + 1)', 'ord("€")', 'list("abc") + list(range(2))', '[1, 2, 3][-1]', '[1, 2, 3][1:]', '[1, 2, 3][::-1]', '[x * 2 for x in range(4) if x != 2]', '{x: x * x for x in range(3)}', '{x % 2 for x in range(10)}', 'sum([[1], [2, 3]], [])', 'sorted([3, 1, 2], reverse=True)', 'sorted("bca")', 'sorted([(1, "b"), (1, "a"), (0, "c")])', 'min([4, 2, 8]), max("hello")', 'min([], default="empty")', 'max([1, 2, 3], key=lambda v: -v)']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
