parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts), "".join(parts)[::3], len("".join(parts)))
s = ""
for ch in "abc":
    s += ch * 2
print(s, s.upper(), s.count("b"), "-".join(s))
print("%d items cost $%.2f" % (3, 4.5), "{} + {} = {}".format(1, 2, 3))
table = [["a", 1], ["bb", 22], ["ccc", 333]]
for name, val in table:
    print(name.ljust(5, ".") + str(val).rjust(5))
print("\n".join(f"{i}: {'#' * i}" for i in range(1, 5)))
