class X:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __index__(self): return 3
    def __bool__(self): return False
    def __str__(self): return "strX"
    def __repr__(self): return "reprX"
    def __bytes__(self): return b"bx"
    def __format__(self, spec): return "fmt:" + spec
    def __round__(self, n=None): return ("round", n)
    def __hash__(self): return 12345
    def __len__(self): return 4
x = X()
print(int(x), float(x), complex(x), bool(x), str(x), repr(x), f"{x:>3}", round(x), round(x, 2), hash(x), len(x))
print([10, 20, 30, 40][x], bin(x), hex(x), range(10)[x], "ab" * x)
