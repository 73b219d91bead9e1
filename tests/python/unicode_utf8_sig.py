# The utf-8-sig codec: a BOM written once at the start, skipped on reading when present
import os
print("é".encode("utf-8-sig"), b"\xef\xbb\xbfx".decode("utf-8-sig"), b"x".decode("utf-8-sig"), b"\xef\xbb\xbf\xef\xbb\xbf".decode("utf-8-sig"))
P = "_pysharp_utf8sig_probe.csv"
with open(P, "w", encoding="utf-8-sig") as f:
    f.write("a,b\n")
    f.write("1,2\n")
print(open(P, "rb").read())
print(open(P, encoding="utf-8-sig").readlines(), repr(open(P).read(1)))
with open(P, encoding="utf-8-sig") as f:
    print(repr(f.readline()), f.tell())
os.remove(P)
print(b"\xef\xbb\xbf\xff".decode("utf-8-sig", "replace"))
