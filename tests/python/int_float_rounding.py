# int -> float conversions and int / int are correctly rounded (ties to even), as in CPython,
# also for big ints, subnormal quotients and results that overflow.
def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed

g = lcg(99)
def big(bits):
    n = 0
    while n.bit_length() < bits:
        n = (n << 64) | next(g)
    return n >> (n.bit_length() - bits)

for bits in (53, 54, 55, 63, 64, 65, 100, 200, 1023, 1024):
    for _ in range(6):
        n = big(bits)
        print(bits, float(n).hex(), float(-n).hex())
for a_bits, b_bits in [(60, 3), (64, 64), (100, 40), (200, 150), (54, 54), (1100, 60), (30, 1100), (10, 1090), (5, 1200)]:
    for _ in range(6):
        a, b = big(a_bits), big(b_bits)
        try:
            print(a_bits, b_bits, (a / b).hex(), (-a / b).hex())
        except OverflowError as e:
            print(a_bits, b_bits, "OverflowError", e)
# Ties: exactly halfway between two doubles.
for k in (1, 3, 5, 7):
    n = (2**53 + k) * 2**11 + 2**10
    print(float(n).hex(), (n / 2**11).hex(), float(2**64 - 1).hex(), (2**64 - 1) / 2**64)
print(2**1024 // 3 / 2, 10**400 // 10**390 / 7)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError", e)
print(1.5 + 2**70, 2**80 * 0.5, (2**63 + 1) - 0.5, 3 ** 40 / 7)
