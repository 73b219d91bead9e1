import io
snippets = ['import math\nprint(math.floor(2.5), math.ceil(2.5))', 'a = [1, 2, 3]\na[1:2] = []\nprint(a)', "d = {}\nd.setdefault('k', []).append(1)\nprint(d)", 's = {1}\ns.add(2)\ns.discard(1)\nprint(s)', 'g = (i for i in range(3))\nprint(next(g), list(g))']
for s in snippets:
    print("---")
    try:
        exec(s, {"__file__": __file__, "__name__": "snippet"})
    except Exception as ex:
        print(type(ex).__name__, ex)
