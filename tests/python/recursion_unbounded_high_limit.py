# Unbounded recursion under a high recursion limit raises RecursionError promptly (deep unwinding
# must stay linear), through plain frames, try/finally frames and methods; the program goes on after.
import sys
sys.setrecursionlimit(100000)

def down():
    return down()

try:
    down()
except RecursionError as e:
    print("plain:", e)

cleanups = 0
def guarded(n):
    global cleanups
    try:
        return guarded(n + 1)
    finally:
        cleanups += 1

try:
    guarded(0)
except RecursionError as e:
    print("finally:", e, cleanups > 10000)

class Node:
    def walk(self):
        return self.walk()

try:
    Node().walk()
except RecursionError:
    print("method: RecursionError")

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50000))
