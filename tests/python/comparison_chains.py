x = 5
print(1 < x < 10, 1 < x > 3, x == 5 != 6, 1 < 2 < 3 < 4 < 3, 0 <= x <= 5 <= 5)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(0) < v(5), calls)
print([1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "a" < "b" < "c", None is None is None)
print(1 in [1] in [[1]], "x" not in "abc" not in "d")
