print([x * 2 for x in range(5)])
print([(x, y) for x in range(3) for y in range(x) if (x + y) % 2])
print({x: x ** 2 for x in range(4)})
print({x % 3 for x in range(10)})
print(sum(x for x in range(10)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([y for x in [[1, 2], [3]] for y in x])
n = 10
print([n + i for i in range(3)])
w = [1, 2, 3]
print([v for v in w if v > 1], w)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
