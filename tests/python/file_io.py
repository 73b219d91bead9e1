import os
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_tmp_file_io.txt")
with open(path, "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print("third", file=f)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip())
with open(path, "a") as f:
    f.write("appended\n")
print(open(path).read().splitlines())
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
