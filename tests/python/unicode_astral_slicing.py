s = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀 emoji 🎉!"
print(len(s), s[0], s[-1], s[-2], s[3:7], s[::3], s[::-2])
for step in (1, 2, 3, -1, -3):
    print(step, s[::step])
print(s[2:100], s[-100:2], repr(s[5:3]), s[1:-1:4])
print([i for i, c in enumerate(s) if ord(c) > 0xFFFF])
print(s.index("😀"), s.find("🎉"), s.rfind("𝔢"), s.count("𝔫"))
print(s.split(), s.upper(), s.lower(), s.swapcase())
print(s.encode("utf-8")[:8], len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print(list(map(ord, "a😀\U0010ffff")), chr(0x10FFFF) == "\U0010ffff")
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("😀😀")
except TypeError as e:
    print("TypeError:", e)
print(repr("tab\t😀\x00\U000E0001"), ascii("é😀"))
words = ["🍎", "apple", "\uffef", "😀", "Z"]
print(sorted(words), max(words), min(words))
print("😀" * 3, "-".join("😀🎉"), "😀x😀".strip("😀"), "😀".join(["a", "b"]))
t = "a😀b"
print(t[1] == "😀", t[1:2] == "😀", len(t[1]), t.replace("😀", "😀😀"), t.center(7, "😀"))
print(f"{t!r:>10}|{t:^9}|{t:😀<6}|")
print("%r %a %s" % (t, t, t))
print(int("٣"), "😀".isidentifier(), "𝔘".isidentifier(), "𝔘".isalpha())
d = {}
for ch in "😀a😀b😀":
    d[ch] = d.get(ch, 0) + 1
print(d)
print(set("😀😀🎉") == {"😀", "🎉"}, "🎉" in set("😀🎉"))
