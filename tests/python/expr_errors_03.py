exprs = ['+[]', 'abs("a")', 'round("a")', 'sum(["a", "b"])', 'sum([1, "a"])', 'min([])', 'max()', 'sorted([1, "a"])', '[1, 2] < "a"', '1 < None', '"a" < 1', '{} < {}', 'range(1.5)', 'range(1, 2, 0)', 'chr(-1)', 'chr(0x110000)']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
