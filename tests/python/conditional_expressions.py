for v in [-5, 0, 5, None, "", "x", [], [0]]:
    print(repr(v), "truthy" if v else "falsy", "neg" if isinstance(v, int) and v < 0 else "other")
x = 5
y = "big" if x > 10 else "medium" if x > 3 else "small"
print(y, (lambda n: "even" if n % 2 == 0 else "odd")(7), [i if i % 2 else -i for i in range(5)])
print(max(1, 2) if True else 0, (1 if False else 2) + 3)
