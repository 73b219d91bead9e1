# Every math function on random magnitudes (hex), ints too large for a float, pow edge cases, errors.
import math
def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed / 2**64
g = lcg(11)
for _ in range(30):
    xs = [(next(g) - 0.5) * 10 ** int(next(g) * 30 - 15) for _ in range(20)]
    print(math.fsum(xs).hex(), math.prod(xs).hex(), sum(xs).hex())
for n in [10**400, 2**1023 * 3, 7**500, 12345678901234567890123, 2**53 + 1, -5, 0]:
    for f in (math.log, math.log2, math.log10, math.sqrt, math.exp, lambda v: math.log(v, 7), math.isqrt if n >= 0 else abs, math.factorial if 0 <= n < 30 else abs):
        try: r = f(n)
        except Exception as e: r = type(e).__name__ + ":" + str(e)
        print(r.hex() if isinstance(r, float) else r)
for a, b in [(0.0, 0.0), (2.0, 0.5), (-8.0, 1/3), (0.0, -1.0), (-0.0, -3.0), (1.0, float('nan')), (float('inf'), 0), (-1.0, float('inf')), (10.0, 400.0), (-2.0, 3.0)]:
    try: r = math.pow(a, b)
    except Exception as e: r = type(e).__name__ + ":" + str(e)
    try: r2 = a ** b
    except Exception as e: r2 = type(e).__name__ + ":" + str(e)
    print(r, r2)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.copysign(3, -0.0), math.frexp(1e-310), math.ldexp(0.5, 1025) if False else math.ldexp(0.75, -1074))
print(math.trunc(1e20), math.floor(-1e20), math.ceil(2.5), math.floor(float('1e300')) % 1000, math.fmod(-7.5, 2), math.fmod(7.5, -2), math.modf(-3.25), math.remainder(7, 2), math.remainder(-5, 2))
print(math.comb(200, 100), math.perm(20), math.factorial(25), math.exp(709.7), math.log(1e-320), math.atan2(-0.0, -1.0), math.atan2(0.0, -0.0), math.hypot(3, 4, 12), math.dist((1, 2, 3), (4, 6, 8)))
try: math.exp(710)
except OverflowError as e: print("OverflowError", e)
try: math.log(0)
except ValueError as e: print("ValueError", e)
try: math.sqrt(-1)
except ValueError as e: print("ValueError", e)

import math
def lcg2(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed / 2**64
g = lcg2(5)
names1 = ['sqrt','exp','expm1','log','log2','log10','log1p','sin','cos','tan','asin','acos','atan','sinh','cosh','tanh','asinh','acosh','atanh','erf','erfc','gamma','lgamma','ceil','floor','trunc','fabs','degrees','radians','cbrt','exp2','frexp','modf']
vals = [(-50 + 100 * next(g)) for _ in range(24)] + [next(g) for _ in range(10)] + [10**(-300 + 600*next(g)) for _ in range(10)]
bad = {}
for n in names1:
    f = getattr(math, n, None)
    if f is None: print("missing", n); continue
    for v in vals:
        try: r = f(v)
        except Exception as e: r = type(e).__name__
        print(n, v.hex(), r.hex() if isinstance(r, float) else r)
for n in ['atan2','hypot','pow','fmod','copysign','remainder','ldexp','dist','log','nextafter']:
    f = getattr(math, n)
    for i in range(40):
        a = -20 + 40*next(g); b = -20 + 40*next(g)
        try:
            if n == 'ldexp': r = f(a, int(b))
            elif n == 'dist': r = f([a, b], [b, a*2])
            else: r = f(a, b)
        except Exception as e: r = type(e).__name__
        print(n, a.hex(), b.hex(), r.hex() if isinstance(r, float) else r)
print(math.fsum([next(g) * 10**(i % 30) for i in range(1000)]).hex(), math.prod([1.1]*50).hex(), math.comb(100, 37), math.perm(30, 7), math.isqrt(10**40+123))
print(math.sumprod([1.5,2.5],[3,4]) if hasattr(math,'sumprod') else '')
