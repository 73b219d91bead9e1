def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x: lo = mid + 1
        else: hi = mid
    return lo if lo < len(a) and a[lo] == x else -1
a = list(range(0, 100, 3))
print([bsearch(a, x) for x in [0, 3, 50, 51, 99, 100]])
def popcount(n):
    c = 0
    while n:
        n &= n - 1; c += 1
    return c
print([popcount(n) for n in [0, 1, 255, 256, 2 ** 64 - 1]], [bin(n).count("1") for n in [7, 1024]])
def gray(n): return n ^ (n >> 1)
print([format(gray(i), "04b") for i in range(8)])
