import sys
sys.setrecursionlimit(100000)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(50000))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
sys.setrecursionlimit(1000)
def inf(n):
    return inf(n + 1)
try:
    inf(0)
except RecursionError as e:
    print("RecursionError:", e)
