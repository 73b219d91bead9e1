class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
print(list(Range2(7)), sum(Range2(10)), 4 in Range2(7))
class Matrix:
    def __init__(self, rows): self.rows = rows
    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]
    def __setitem__(self, idx, v):
        r, c = idx
        self.rows[r][c] = v
    def __eq__(self, o): return self.rows == o.rows
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 5
print(m[0, 1], (m @ m).rows, m == Matrix([[1, 5], [3, 4]]))
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
print([10, 20, 30][Num(1)], int(Num(7)), float(Num(2)), bin(Num(5)), range(Num(3)))
