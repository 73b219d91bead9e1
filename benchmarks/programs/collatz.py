"""The algorithm of samples/tiny/examples/loop.tiny in Python, for the cpython and pypy
columns: the total of the Collatz sequence lengths of 1..limit, timed per iteration."""
import sys
import time


def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps


def total(limit):
    s = 0
    n = 1
    while n <= limit:
        s = s + collatz(n)
        n = n + 1
    return s


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    result = 0
    for k in range(1, iterations + 1):
        start = time.perf_counter()
        result = total(limit)
        print(f"iteration {k}: {time.perf_counter() - start:.6f}")
    print(f"total steps for 1..{limit}: {result}")


if __name__ == "__main__":
    main()
