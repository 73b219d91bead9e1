# open(): text and binary modes, encodings and errors, newline translation, seek/tell, r+/a+, io.BytesIO, error cases
import io, os
P = "_pysharp_file_probe.txt"
B = "_pysharp_file_probe.bin"
f = open(P, "w"); print(type(f).__name__, f.encoding, f.errors, f.mode, f.name, f.line_buffering, f.seekable(), f.readable(), f.writable())
print(f.write("a\r\nb\rc\n"), f.tell()); f.close()
f = open(P); print(repr(f.read(2)), f.tell(), repr(f.readline()), repr(f.read())); print(f.seek(0), f.readlines()); f.close()
f = open(P, newline=""); print(f.readlines()); f.close()
f = open(P, newline="\r"); print(f.readlines()); f.close()
f = open(P, newline="\n"); print(f.readlines()); f.close()
f = open(P, "rb"); print(type(f).__name__, f.mode, f.readline(), f.read(2), f.tell(), f.seek(-1, 2), f.read(), f.seekable()); f.close()
f = open(P, "r+b"); print(type(f).__name__); f.seek(1); f.write(b"Z"); f.seek(0); print(f.read()); f.close()
f = open(P, "wb"); print(type(f).__name__); print(f.write(bytes(range(5))), f.tell()); f.close()
g = open(P, "rb"); print(g.read(2), g.tell(), g.seek(0), g.read(), g.read()); g.close()
with open(P, "w", encoding="utf-8", newline="\r\n") as f:
    print(f.encoding); f.write("x\ny")
print(open(P, "rb").read())
with open(P, "w", encoding="utf-16") as f:
    f.write("hi"); f.write("!")
print(open(P, "rb").read(), open(P, encoding="utf-16").read())
with open(P, "w", encoding="latin-1") as f:
    f.write("é")
print(open(P, "rb").read(), open(P, encoding="latin-1").read())
try:
    with open(P, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print(e)
with open(P, "w", encoding="ascii", errors="replace") as f:
    f.write("é!")
print(open(P).read())
with open(P, "a") as f:
    f.write("more\n")
with open(P, "a+") as f:
    f.write("x"); f.seek(0); print(repr(f.read()))
with open(P, "r+") as f:
    print(repr(f.read(2))); f.seek(0); f.write("Q"); 
print(repr(open(P).read()))
open(B, "wb").write(b"ab\xffcd\n")
for kw in [{}, {"errors": "replace"}, {"encoding": "latin-1"}, {"errors": "surrogateescape"}, {"errors": "ignore"}]:
    try:
        print(repr(open(B, **kw).read()))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
for bad in [lambda: open(P, "rb", encoding="utf-8"), lambda: open(P, "r", newline="x"), lambda: open(P, "rw"), lambda: open(P, "r", encoding="nope"),
            lambda: open(P).write("x"), lambda: open(P, "w").read(), lambda: open("/nonexistent_dir/x"), lambda: open("."), lambda: open(P, "q"),
            lambda: open(P, "x"), lambda: open(P).seek(1, 1), lambda: open(P, "rb").seek(-1)]:
    try:
        bad()
    except (ValueError, LookupError, OSError) as e:
        print(type(e).__name__, e)
f = open(P); f.close()
try:
    f.read()
except ValueError as e:
    print(e)
print(f.closed, isinstance(io.UnsupportedOperation("x"), OSError), issubclass(io.UnsupportedOperation, ValueError))
with open(P, "w") as f:
    f.writelines(["l1\n", "l2\n", "l3"])
print([line for line in open(P)], list(open(P, "rb")), open(P).readline(1), open(P).readlines(4))
open(P, "w").write("unclosed")
print(open(P).read())
b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.tell(), b.seek(0), b.readlines(), b.getvalue())
b = io.BytesIO(); b.write(b"xy"); b.seek(0, 2); b.write(b"z"); print(b.getvalue(), b.tell(), b.truncate(1), b.getvalue())
with io.BytesIO(b"q") as bb:
    print(bb.read())
print(bb.closed)
os.remove(P); os.remove(B)
