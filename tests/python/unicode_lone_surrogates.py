# str edge cases with lone surrogates and astral characters
s = "\ud83d"
print(len(s), repr(s), ascii(s))
try:
    s.encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(s.encode("utf-8", "surrogatepass"), s.encode("utf-8", "replace"), s.encode("utf-8", "ignore"))
print(b"\xed\xa0\xbd".decode("utf-8", "surrogatepass") == s)
u = "x" + chr(0xD83D) + "y"
print(len(u), u[1] == s, u.index("y"))
print(repr(chr(0xDC80)), len(b"\x80abc".decode("utf-8", "surrogateescape")))
print(b"\x80abc".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
