# bytes and bytearray text methods (ASCII-only rules), translate/maketrans, bytearray mutators and slices
b = b"Hello World \xe9\x1c ab"
for name in ["capitalize", "lower", "upper", "swapcase", "title", "isalnum", "isalpha", "isdigit", "islower", "isspace", "istitle", "isupper", "isascii", "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip"]:
    print(name, getattr(b, name)(), getattr(bytearray(b), name)())
print(b.center(30, b"*"), b.ljust(25), b.rjust(25, b"-"), b"42".zfill(5), b"-42".zfill(6), b"a\tb".expandtabs(4))
print(b.count(b"l"), b.count(108), b.find(b"o", 5), b.rfind(b"o"), b.index(b"W"), b.rindex(111), b.find(b"zz"), b.find(233))
print(b.partition(b" "), b.rpartition(b" "), bytearray(b).partition(b"W"), b.removeprefix(b"He"), b.removesuffix(b"ab"))
print(b.replace(b"l", b"L", 2), b.split(b"o"), b.split(maxsplit=1), b.rsplit(None, 1), b"a\nb\r\nc\x1cd\x85e".splitlines(keepends=True))
print(b.startswith((b"x", b"He")), b.endswith(b"ab", 0, 100), b.startswith(b"W", 6), b"  x\x1c ".strip(), b"xxhixx".strip(b"x"))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"), bytearray(b"abc").translate(None, b"b"))
for bad in [lambda: b.index(b"zz"), lambda: b.find("o"), lambda: b.split("o"), lambda: b.startswith("H"), lambda: b.count(300), lambda: hash(bytearray()), lambda: bytearray(b"").pop(), lambda: bytearray(b"a").remove(98)]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
a = bytearray(b"hello world")
a[0:5] = b"HELLO"; print(a)
a[::2] = b"......"; print(a)
del a[0]; del a[::3]; print(a, len(a))
a += b"!"; a *= 2; print(a)
a.insert(0, 65); a.insert(-1, 66); a.insert(100, 67); print(a, a.pop(), a.pop(0), a)
a.reverse(); print(a, a.copy() == a, a.copy() is a)
a.extend([1, 2]); a.extend(b"xy"); a.append(0); print(a)
a.clear(); print(a, bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") * 2, bytearray(b"x").join([b"a", bytearray(b"b")]))
print(bytearray(b"abc") < b"abd", bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), b"b" in bytearray(b"abc"), 98 in bytearray(b"abc"))
print(bytearray.fromhex("61 62"), bytearray(b"ab").hex(), str(bytearray(b"q")), bytearray(b"%d") % 5 if False else "", bytearray(b"abc")[1:], bytearray(b"abc")[-1])
print(b"abc".upper() is not None, b"ab\xe9".upper(), b"ab\xe9".title(), b"\xe9x".capitalize(), b"ab\xe9".isalpha())
