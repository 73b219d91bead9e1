"""Shared driver: runs a benchmark function several times and prints per-iteration timings."""
import time


def run(name, func, iterations=5):
    result = None
    for i in range(iterations):
        t0 = time.perf_counter()
        result = func()
        dt = time.perf_counter() - t0
        print(f"iteration {i}: {dt:.4f}")
    print(f"{name} result: {result}")
