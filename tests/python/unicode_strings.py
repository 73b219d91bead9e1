s = "naïve café 日本語 ☃"
print(len(s), s.upper(), s.title(), s[6:10], s[-1], s.encode("utf-8")[:8], s.split())
print([c for c in "ab☃"], ord("☃"), chr(9731), "☃" in s, s.find("日"))
print("ß".upper(), "İ".lower() == "i̇", "Σ".lower(), "ǲ".title() if False else "skip")
print(sorted(["é", "e", "f", "E"]), "é" > "e", max("abcé"))
print(repr("tab\there"), ascii("café"), "café".encode("ascii", "replace"), "café".encode("ascii", "ignore"))
print("{:^10}|".format("日本"), f"{'☃':*>5}")
