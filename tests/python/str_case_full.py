# Full Unicode case mappings: expansions, folding, title case, final sigma.
words = ["straße", "İstanbul", "ﬁne ﬂow", "ŉ", "ǰ", "ΐ", "ᾳ", "ǅungla", "DŽ", "ǆ",
         "ΟΔΟΣ", "ΟΔΟΣ ΚΑΙ", "Σ", "ΑΣ.", "ΑΣ'Β", "A\u0301Σ", "µ ſ ß", "Ꭰ", "𐐀𐐨", "hello world",
         "HELLO wORLD", "123abc", "ǉubljana", "o'neil mcdonald", "", "ﬃ", "\ud800x"]
for w in words:
    print(ascii(w), ascii(w.upper()), ascii(w.lower()), ascii(w.casefold()))
    print("  ", ascii(w.title()), ascii(w.capitalize()), ascii(w.swapcase()))
print("İ".lower() == "i\u0307", len("ß".upper()), "ΣΑΣ".lower())
print("ﬀ".upper(), "ǈ".upper(), "ǈ".lower(), "ǈ".title(), "ǈ".swapcase())
print(sorted(w.casefold() for w in ["Straße", "STRASSE", "strasse"]))
print("ΌΣΟΣ".lower(), "ΌΣΟΣ".capitalize(), "σ".upper(), "ς".upper())
