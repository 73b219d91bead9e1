def solve(n):
    sols = []
    cols = []
    def place(r):
        if r == n:
            sols.append(cols[:])
            return
        for c in range(n):
            if all(c != pc and abs(c - pc) != r - pr for pr, pc in enumerate(cols)):
                cols.append(c)
                place(r + 1)
                cols.pop()
    place(0)
    return sols
for n in range(1, 8):
    print(n, len(solve(n)))
print(solve(6)[0])
