import math
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(99), math.prod([1, 2, 3, 4]), math.lcm(4, 6))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.copysign(3, -0.0), math.inf > 10 ** 300)
print(math.degrees(math.pi), math.radians(180), round(math.exp(1), 10), math.log2(1024), math.log1p(0))
print(math.isclose(0.1 + 0.2, 0.3), math.floor(3.999), math.ceil(-0.5), math.modf(3.25), math.frexp(8.0))
print(math.gcd(0, 5), math.factorial(20), math.pow(2, 0.5), math.tau / 2 == math.pi)
