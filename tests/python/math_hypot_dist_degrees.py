# math.hypot/dist (CPython 3.11's scaled, compensated norm) and degrees/radians, bit for bit.
import math

def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed / 2**64

g = lcg(31)
def value():
    kind = next(g)
    if kind < 0.4:
        return -100 + 200 * next(g)
    if kind < 0.7:
        return (next(g) - 0.5) * 10 ** (-300 + 600 * next(g))
    if kind < 0.85:
        return float(int(next(g) * 1000))
    return (next(g) - 0.5) * 1e-310

for n in (2, 2, 2, 3, 4, 5):
    for _ in range(60):
        xs = [value() for _ in range(n)]
        ys = [value() for _ in range(n)]
        print(n, math.hypot(*xs).hex(), math.dist(xs, ys).hex())
for args in [(), (3.0,), (-4.0,), (3, 4), (1e308, 1e308), (1e-310, 1e-310), (float('inf'), float('nan')),
             (float('nan'), 1.0), (0.0, -0.0), (5e-324, 5e-324, 5e-324), (1e200, 1e-200)]:
    print(args, repr(math.hypot(*args)))
for bad in [([1, 2], [1, 2, 3]), ([1], (2,))]:
    try:
        print(math.dist(*bad))
    except ValueError as e:
        print("ValueError", e)
for _ in range(80):
    x = -1000 + 2000 * next(g)
    print(math.degrees(x).hex(), math.radians(x).hex())
