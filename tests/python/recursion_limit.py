import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(150))
try:
    deep(500)
except RecursionError:
    print("RecursionError caught")
sys.setrecursionlimit(10000)
print(deep(5000))
