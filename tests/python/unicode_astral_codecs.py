import json
s = "a😀b"
print(json.dumps(s), json.dumps(s, ensure_ascii=False), json.loads('"\\ud83d\\ude00"') == "😀")
print(s.encode("utf-16-le"), s.encode("utf-16"), s.encode("utf-32-le"), "😀".encode("utf-8", "strict"))
print(b"a\xf0\x9f\x98\x80b".decode("utf-8"), bytes(s, "utf-16-le").decode("utf-16-le") == s)
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
try:
    b"\xf0\x9f\x98".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print(b"\xf0\x9f\x98\x80\xff".decode("utf-8", "replace"), len(b"\xf0\x9f\x98\x80\xff".decode("utf-8", "replace")))
print(str(["😀"]), str({"😀": "𝄞"}), f"{'😀'!a}")
print(list(zip("😀a", "b😀")), dict.fromkeys("😀😀a"))
import sys
sys.stdout.write("write 😀\n")
print(len(repr("😀")), "😀".__len__(), "😀".__getitem__(0), "x😀".__contains__("😀"))
print(s.encode("utf-8").hex(), bytearray(s, "utf-8"))
print("%c%c" % (128512, "𝄞"), "{:c}".format(0x1F600), format("😀", "^5"))
print([ord(c) for c in "😀".casefold()], "😀".swapcase(), "ß😀".upper())
print("😀\n𝄞".splitlines(), "a😀 b𝄞".split(), "😀😀".partition("😀"))
