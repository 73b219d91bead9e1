s = "tab\tnew\nquote\"single\'back\\slash"
print(s)
print(repr(s))
print("\x41\u00e9\N{GREEK SMALL LETTER ALPHA}\101", len("\u00e9"))
print(r"raw \n stays", b"bytes\x00", "a" "b" 'c')
print("""multi
line""")
print(repr("\0"), repr("\x7f"), repr("é"), repr("日本"), ascii("日本"))
print("caf\u00e9" == "café", "\U0001F600" == "😀", len("😀"), ord("😀"))
