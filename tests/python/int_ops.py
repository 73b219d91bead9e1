print(7 + 3, 7 - 10, 7 * -3, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1)
print(divmod(17, 5), divmod(-17, 5), pow(3, 4, 5), pow(2, -1, 7), abs(-5))
print(1 << 70, (1 << 70) >> 68, 0xff & 0x0f, 0xf0 | 0x0f, 6 ^ 3, ~5)
print(int("42"), int("-0x1f", 16), int("0b101", 0), int(" 12 "), int(3.99), int(-3.99), int("1_000"))
print(bin(10), oct(64), hex(255), hex(-255))
print((255).bit_length(), (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(round(2.5), round(3.5), round(1234, -2), round(1250, -2), round(-2.5))
print(10 ** 20, -(10 ** 20) // 7, (10 ** 20) % 7, 10 ** 20 // -3)
print(True + True, True * 3, int(True), 5 == 5.0, hash(5) == hash(5.0))
print(max(3, 7, 1), min([4, 2, 8]), sum(range(100)), sum([0.5, 0.25]))
for s in ["abc", "1.5", ""]:
    try:
        int(s)
    except ValueError as e:
        print(e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
print(int.__name__, (5).real, (5).imag, (5).numerator, (-7).__abs__())
print(3 < 4 < 5, 3 < 4 > 5, 1 == 1.0 == True)
