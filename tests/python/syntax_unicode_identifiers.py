# Non-ASCII identifiers: XID_Start/XID_Continue as CPython 3.11 has them, NFKC normalization,
# and the error for a character that is not allowed (U+309B is ID_Start but not XID_Start).
src_ok = "ⅷ = 1\nx\u0345 = 2\n℘ = 3\n℮ = 4\nᢅ = 5\nﬁ = 6\n𝔘𝔫𝔦 = 7\nµ = 8\n"
ns = {}
exec(src_ok, ns)
print(sorted(k for k in ns if k != '__builtins__'))
for bad in ["\u309b = 6", "a\u309c = 1", "x = 1\u20ac", "\u00b7y = 2", "𝟘x = 3", "a\u2028b = 1"]:
    try:
        exec(bad, {})
        print("accepted", ascii(bad))
    except SyntaxError as e:
        print(ascii(bad), e.msg, e.lineno, e.offset)
