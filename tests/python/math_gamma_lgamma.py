# math.gamma and math.lgamma must give CPython's doubles bit for bit, and its errors.
import math

def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed / 2**64

g = lcg(2024)
values = []
for _ in range(400):
    values.append(-25 + 200 * next(g))
for _ in range(100):
    values.append(next(g) * 1e-3)
for k in range(1, 40):
    values.append(k + 0.5)
    values.append(-k - 0.5)
    values.append(float(k))
values += [0.0, -0.0, -1.0, -2.0, 1e-25, -1e-25, 5e-324, 171.0, 171.7, 172.0, 200.0, 201.0, -200.5, -201.5,
           float('inf'), float('-inf'), float('nan'), 1e300, -1e300, 140.0, 139.9, -140.5, 4.999, 5.0, 5.0001]

for v in values:
    out = []
    for f in (math.gamma, math.lgamma):
        try:
            out.append(f(v).hex())
        except (ValueError, OverflowError) as e:
            out.append(f"{type(e).__name__}({e})")
    print(repr(v), *out)
