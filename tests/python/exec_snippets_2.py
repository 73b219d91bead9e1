import io
snippets = ['x = [1, 2]\ny = x\ny.append(3)\nprint(x, x is y)', 'def gen():\n    yield 1\n    yield 2\nprint(sum(gen()))', "import sys\nprint(type(sys.modules).__name__, 'sys' in sys.modules)", 'with open(__file__) as f:\n    print(len(f.readline()) > 0)', "a, *b = 'xyz'\nprint(a, b)"]
for s in snippets:
    print("---")
    try:
        exec(s, {"__file__": __file__, "__name__": "snippet"})
    except Exception as ex:
        print(type(ex).__name__, ex)
