import io
snippets = ['x = 1\ny = x + 1\nprint(x, y)', 'def f(a, *b, c=3, **d):\n    return a, b, c, d\nprint(f(1, 2, c=4, e=5))', "class A:\n    def m(self):\n        return 'm'\nprint(A().m(), A.m(A()))", "try:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught', e)", "for i in range(3):\n    pass\nelse:\n    print('else', i)"]
for s in snippets:
    print("---")
    try:
        exec(s, {"__file__": __file__, "__name__": "snippet"})
    except Exception as ex:
        print(type(ex).__name__, ex)
