# math.erf/erfc/log1p/expm1 give CPython's exact results across their ranges (tails, tiny and large arguments)
import math

for x in [0.1, 0.5, 1.5, 2.5, 3, 7.5, -0.5, 0.001, 1e-10, 1e-5, 2, 10, -0.9, 5, 6, 26, 1e300, -1e-300, 0.0, -0.0]:
    print(x, math.erf(x), math.erfc(x), math.log1p(x), math.expm1(x) if x < 700 else 0)
for bad in [-1, -3]:
    try:
        math.log1p(bad)
    except ValueError as e:
        print(bad, e)

for x in [1e308, 710, -800, float("inf"), float("-inf"), float("nan")]:
    for f in (math.erf, math.erfc, math.log1p, math.expm1):
        try: print(f.__name__, x, f(x))
        except (ValueError, OverflowError) as e: print(f.__name__, x, type(e).__name__, e)
