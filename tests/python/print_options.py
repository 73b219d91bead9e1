import sys
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(1, 2, 3, sep="")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print(*[1, 2, 3], sep=", ")
print("flush", flush=True)
sys.stdout.write("written\n")
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("x", 1, file=w)
print(w.parts)
print(None, True, 1.0, [None], sep="|")
