x = 10
result = [x for x in range(3)]
print(result, x)
class K:
    data = [1, 2, 3]
    total = sum(v for v in data)
    squares = [v * v for v in data]
print(K.total, K.squares)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
nested = [[(i, j) for j in range(i)] for i in range(4)]
print(nested)
print({k: [v for v in range(k)] for k in range(3)})
gen = ((i, j) for i in range(2) for j in "ab")
print(list(gen))
