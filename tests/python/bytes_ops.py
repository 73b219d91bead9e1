b = b"hello"
print(b, b[0], b[1:3], len(b), b + b"!", b * 2, b"ll" in b, list(b"ab"))
print(b.decode(), "héllo".encode("utf-8"), bytes([65, 66]), bytes(3), b.hex(), bytes.fromhex("4142"))
print(b.upper(), b.split(b"l"), b"-".join([b"a", b"b"]), b == b"hello", b < b"help")
print(repr(b"\x00\xff\n'"), b.startswith(b"he"), b.find(b"l"), b.replace(b"l", b"L"))
ba = bytearray(b"abc"); ba.append(100); ba[0] = 65; print(ba, len(ba))
