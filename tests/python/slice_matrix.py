seq = list(range(10))
s = "abcdefghij"
specs = [(None, None, None), (2, None, None), (None, 3, None), (-3, None, None), (None, -3, None), (1, 8, 2), (8, 1, -2), (None, None, -1),
         (100, None, None), (-100, 3, None), (5, 5, None), (9, -20, -3), (None, None, 3), (3, None, -1), (-1, -11, -1)]
for a, b, c in specs:
    print((a, b, c), seq[a:b:c], s[a:b:c], tuple(seq)[a:b:c], range(10)[a:b:c])
