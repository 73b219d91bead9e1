import io
snippets = ["print(*range(3), sep='|')", 'n = 0\nwhile n < 3:\n    n += 1\nprint(n)', "try:\n    raise ValueError('v')\nexcept (TypeError, ValueError) as e:\n    print(type(e).__name__)", "from collections import Counter\nprint(Counter('abca').most_common(1))", 'print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))']
for s in snippets:
    print("---")
    try:
        exec(s, {"__file__": __file__, "__name__": "snippet"})
    except Exception as ex:
        print(type(ex).__name__, ex)
