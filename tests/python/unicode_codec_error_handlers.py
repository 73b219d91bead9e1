# Encoding and decoding with every error handler: ascii, latin-1, cp1252, utf-8/16/32 (BOM and -le/-be forms)
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
        for a in ("encoding", "start", "end", "reason"):
            if hasattr(e, a): print("  ", a, repr(getattr(e, a)))
        if hasattr(e, "object"): print("  object", repr(e.object))
s = "aé€😀z"
for enc in ["ascii", "latin-1", "iso-8859-1", "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
        print(enc, err, end=" ")
        show(lambda: s.encode(enc, err))
bad = [b"a\xff\xfeb", b"\xe9t\xe9", b"\xff\xfea\x00\x00\xd8b\x00", b"\x00\xd8", b"abc", b"\xff\xfe\x00\x00a\x00\x00\x00\x00\x00\x11\x00",b"a\x00\x00"]
for enc in ["ascii", "latin-1", "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
        for b in bad:
            print(enc, err, b, end=" ")
            show(lambda: b.decode(enc, err))
print(repr("\udcff".encode("utf-8", "surrogateescape")))
print(repr(b"\xff".decode("ascii", "surrogateescape")))
print(repr("\udcff".encode("ascii", "surrogateescape")))
print(repr("\udcff\ud800".encode("utf-16", "surrogatepass")))
print(repr("\ud800".encode("utf-32-le", "surrogatepass")))
show(lambda: "\ud800".encode("utf-16"))
show(lambda: "x\ud800".encode("utf-32"))
show(lambda: "é".encode("bogus"))
show(lambda: b"x".decode("bogus"))
e = UnicodeDecodeError("utf-8", b"ab", 0, 1, "bad")
print(str(e), e.args)
e = UnicodeEncodeError("ascii", "ab\xe9", 2, 3, "bad")
print(str(e), e.args)
e = UnicodeEncodeError("ascii", "ab\xe9\xe9", 2, 4, "bad")
print(str(e))
e = UnicodeDecodeError("utf-8", b"ab\xff\xfe", 2, 4, "bad")
print(str(e))
print("x".encode(), "x".encode("UTF8"), "x".encode("U8"), "ä".encode("Latin_1"))
print(bytearray(b"\xe9").decode("latin-1"), bytearray(b"\xff").decode("utf-8", "replace"))
print(bytes("é", "utf-16"), str(b"\xe9", "latin-1"), str(b"\xff", "utf-8", "replace"), str(b"\xff", errors="replace"))
for b in [b"\x80\x81x\x9f", b"\x8d\x8f"]:
    for err in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
        show(lambda: b.decode("cp1252", err))
show(lambda: "\uffff\u0178".encode("cp1252"))
print("\u2122".encode("windows-1252"))
