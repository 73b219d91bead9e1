vals = [1, 2.5, 3 + 4j, True, 2 ** 70]
for a in vals:
    for b in vals:
        print(type(a + b).__name__, end=" ")
    print()
print(1 + True, 1.0 * True, 3j + True, (2 ** 70) * 1.0, 7 // 2.0, 2 ** 0.5 * 2 ** 0.5)
print(int.__add__(1, 2), float.__mul__(2.0, 3), (5).__truediv__(2), (5).__radd__(1), (3.0).__rsub__(1))
print((1).__add__(1.5), (1.5).__add__(1), complex.__add__(1j, 1))
