# memoryview over bytes and bytearray: indexing, slicing with steps, writes through, comparisons, errors
m = memoryview(b"abcdef")
print(m[1], m[-1], bytes(m[1:4]), m[::2].tobytes(), m[::-1].tolist(), len(m[2:]), m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape)
print(m == b"abcdef", m[1:3] == b"bc", m == memoryview(b"abcdef"), m != b"x", m.obj, m.hex(), list(m[:2]))
ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = 72; v[1:3] = b"EL"
print(ba, v.readonly, bytes(v), bytearray(v[1:]), b"-".join([v[:2], b"x"]))
ba[4] = 33
print(v.tobytes(), v[4])
with memoryview(b"xy") as w:
    print(w.tobytes())
for bad in [lambda: w[0], lambda: m.__setitem__(0, 1), lambda: m[10], lambda: memoryview("s"), lambda: v.__setitem__(0, 300), lambda: hash(v)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(hash(memoryview(b"ab")) == hash(b"ab"), bytes(memoryview(b"q")).decode(), isinstance(m, memoryview))
print(hash(""), hash(()) == hash(()))
try:
    vars(1)
except TypeError as e:
    print(e)
print(breakpoint.__name__)
