# Float and complex operations on random magnitudes: %, //, divmod, round, **, formats, abs(complex), hash.
def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed / 2**64
g = lcg(77)
out = []
for _ in range(300):
    a = (next(g) - 0.5) * 10 ** int(next(g) * 40 - 20)
    b = (next(g) - 0.5) * 10 ** int(next(g) * 40 - 20)
    r = []
    for op in (lambda: a % b, lambda: a // b, lambda: divmod(a, b), lambda: round(a, 3), lambda: round(a), lambda: a ** 2, lambda: abs(a) ** 0.5,
               lambda: abs(a) ** b if abs(b) < 50 else 0, lambda: repr(a), lambda: str(b), lambda: format(a, '.17g'), lambda: format(a, 'e'),
               lambda: format(a, ',.2f'), lambda: format(a, '%'), lambda: float(repr(a)) == a, lambda: int(a), lambda: a.as_integer_ratio(),
               lambda: complex(a, b) * complex(b, a), lambda: complex(a, b) / complex(b, 1), lambda: abs(complex(a, b)), lambda: (a).hex(),
               lambda: float.fromhex((b).hex()), lambda: round(a * 1e6) / 1e6, lambda: hash(a), lambda: a == int(a), lambda: int(a) < a):
        try: r.append(op())
        except Exception as e: r.append(type(e).__name__)
    print(r)
print(0.1 + 0.2, 1e22, 1e16, 123456789012345678.0, 1/3, 2/3, -0.0, float('1e-400'), float('-inf'), 10**22 * 1.0, 2.5.__round__(), round(0.5), round(1.5), round(2.675, 2))
for z in [complex(float('inf'), float('nan')), complex(float('nan'), 1), complex(3, 4), complex(-0.0, 5e-324), complex(1e300, 1e300)]:
    print(repr(abs(z)))
try:
    abs(complex(1e308, 1e308))
except OverflowError as e:
    print("OverflowError", e)
