vals = [0, 1, -1, 0.0, 0.1, 0j, 1j, "", " ", "0", b"", b"0", [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1), frozenset()]
for v in vals:
    print(repr(v), bool(v), not v, "T" if v else "F")
class Z:
    def __len__(self): return 0
class B:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(Z()), bool(B()), not Z(), [x for x in [Z(), B(), 1] if x])
