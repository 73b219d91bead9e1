for v in [0, 1, -1, 10, 255, 1000000, -999, 2 ** 64, -(2 ** 100)]:
    print(v, str(v), repr(v), hex(v), oct(v), bin(v)[:20], int(str(v)) == v, len(str(abs(v))))
for s in ["0", "-12", "+5", "007", " 3 "]:
    print(repr(s), int(s))
print(int(2.9), int(-2.9), int(True), float(7), complex(3), str(3.0), str(-0.0), int("ff", 16), int("777", 8))
import sys
print(sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", e)
