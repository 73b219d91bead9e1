print(0.1 + 0.2, 1 / 3, 2 / 3, 1e100, 1e-5, 123456789.0, 1.5e16, 1e22, 3.0, -0.0)
print(float("3.14"), float(" -2.5e3 "), float("inf"), float("-inf"), float("nan"))
print(round(3.14159, 2), round(2.675, 2), round(0.5), round(1.5), round(-0.5))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, 2))
print(int(1e10), float(10 ** 20), 2 ** 0.5, 10 ** -2)
print((0.1).as_integer_ratio(), (2.5).is_integer(), (3.0).is_integer())
print(abs(-2.5), max(1.5, 2), min(-0.0, 0.0))
print(f"{3.14159:.2f} {2.5:e} {1234567.891:,.2f} {0.25:%} {1e-7:g} {12345.6789:10.3f}|")
print(format(1.0, ".0f"), format(0.5, ".0f"), format(1.5, ".0f"), str(1e16), repr(1e15))
print(float.fromhex("0x1.8p1"), (1.5).hex())
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.e)
print(math.isnan(float("nan")), math.isinf(1e308 * 10), math.fabs(-3))
print(math.gcd(12, 18), math.factorial(10), math.log(math.e), math.log(8, 2), math.log10(1000))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.hypot(3, 4), math.trunc(-3.7))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
print(1e308 * 10, -1e308 * 10, float("nan") == float("nan"))
