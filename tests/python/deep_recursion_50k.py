import sys
sys.setrecursionlimit(100000)
def count(n):
    if n == 0:
        return 0
    return count(n - 1) + 1
print(count(50000))
def build(n):
    return [] if n == 0 else [build(n - 1)]
x = build(20000)
d = 0
while x:
    x = x[0]; d += 1
print(d)
