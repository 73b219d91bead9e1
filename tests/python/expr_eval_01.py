exprs = ['[] is []', '() == ()', 'None == False', '0 == -0.0', '1 == 1.0 + 0j', '"a" * 0', '"ab" * -1', '[0] * 3', '[[0] * 2] * 2', '(1, 2) * 2', '"abc" < "abd" < "b"', '"B" < "a"', '"abc".upper().lower().title()', '"  x  ".strip().center(5, "*")', '",".join(str(i) for i in range(5))', '"a-b-c".split("-", 1)', '"hello"[1:-1:2]', '"hello"[::-1][1:3]', 'len("") + len(" ") + len("\\t\\n")', '"%s-%s" % ("a", "b")']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
