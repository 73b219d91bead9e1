vals = [b"", b"abc", b"a\x00b", bytes(range(5)), b"Hello World"]
for b in vals:
    print(b, len(b), list(b)[:4], b.hex(), b.upper(), b.lower(), b.startswith(b"a"), b.find(b"b"), b.replace(b"l", b"L"), b.split(), b * 2)
print(bytes("héllo", "utf-8"), "héllo".encode("latin-1"), b"caf\xc3\xa9".decode("utf-8"), bytes([200]).decode("latin-1"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError")
