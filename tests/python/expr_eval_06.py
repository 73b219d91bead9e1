exprs = ['tuple([1]) + (2,)', '[1, 2, 3].index(2)', '"abc".index("c")', '{1, 2} < {1, 2, 3}', '{1, 2} ^ {2, 3}', '{1, 2} - {2}', '{"a": 1}.get("b", "dflt")', '{"a": 1}.items()', 'list({"a": 1, "b": 2}.values())', 'bin(-5)', 'hex(0)', 'oct(-8)', '(255).to_bytes(2, "little")', 'int.from_bytes(b"\\x00\\xff", "big")', '(10).bit_length()', '(-1).bit_length()', '(3.5).as_integer_ratio()', '(0.1).hex()', '1_000 + 0x_ff + 0o7_7 + 0b1_1', '1e3 == 1000']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
