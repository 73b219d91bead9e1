# Lone surrogates: len/ord/repr, ordering against astral characters, and writing them to stdout/stderr
s = "\ud800"
print(len(s), ord(s), repr(s), ascii(s), s.isprintable())
print(repr(chr(0xdc80)), len(chr(0xdfff)), hex(ord(chr(0xdfff))))
print(repr("a\udc80b"[1]), "a\udc80b".find("b"), "a\udc80b".upper() == "A\udc80B")
print(repr(b"\xff\xfe".decode("utf-8", "surrogateescape")))
print(repr("x\udcff".encode("utf-8", "surrogateescape")))
print(repr("\ud83d".encode("utf-8", "surrogatepass")), repr(b"\xed\xb2\x80".decode("utf-8", "surrogatepass")))
print(repr("\ud800".encode("utf-8", "replace")), repr("\ud800".encode("utf-8", "backslashreplace")))
print("\U0001F600" == "\U0001F600", len("\U0001F600"))
print(f"{s!r}", "%r" % s, str([s]))
print(sorted(["\ue000", "\ud800", "\uffff", "\U00010000"]) == ["\ud800", "\ue000", "\uffff", "\U00010000"])
import sys
sys.stdout.write("ok\n")
try:
    print(s)
except UnicodeEncodeError as e:
    print("E", e)
try:
    print("ab", "c\ud800d")
except UnicodeEncodeError as e:
    print("E", e, e.start, e.end, repr(e.object))
try:
    sys.stdout.write("q\udbff\udbff")
except UnicodeEncodeError as e:
    print("E", e)
print("\udc80\ud800", file=sys.stderr)
print(sorted(["\ud800x", "\U00010000", "\ue000", "\udbff"]) == ["\ud800x", "\udbff", "\ue000", "\U00010000"])
print("a\ud800" < "a\U00010000", "a\udfff" < "a\ue000", "\U0010ffff" > "\uffff", max("\ud800", "\ue000") == "\ue000")
raise SystemExit("done \ud800")
