exprs = ['"hello world".title()', '"a,b,,c".split(",")', '"  a  b  ".split()', '"line\\nline2".splitlines()', '"x".zfill(3)', '"3.14".isdigit(), "314".isdigit()', '"Hello".startswith(("He", "x"))', '"hello".replace("l", "")', '"tic-tac-toe".rpartition("-")', '"Python"[2:4] * 2', 'str(None) + str(True) + str(1.5)', 'repr("a\'b")', 'repr(\'a"b\')', 'repr("a\'b\\"c")', '[1, 2] == [1, 2.0]', '(1, 2) < (1, 3) < (2,)', '{1: "a"} == {1.0: "a"}', '{"a": 1, "b": 2} == {"b": 2, "a": 1}', '[3, 1, 2].sort()', 'list((1, 2)) + [3]']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
