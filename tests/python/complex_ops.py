z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), z * 1j, z / 2, z ** 2)
print(complex(1, 2), complex("1+2j"), complex(2), 1j * 1j, (1 + 2j) == (1 + 2j))
print(repr(1j), repr(-1j), repr(0j), repr(complex(0, -0.0)), (1+0j) + 1)
print((2 + 3j) - (1 - 1j), (1 + 1j) ** 3, 2 ** (1j))
