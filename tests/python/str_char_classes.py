# str.isX predicates, case mapping and repr of every code point of the BMP and the SMP, checked by
# a checksum per predicate (CPython's Unicode 14 data, not the host's).
preds = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'islower', 'isupper', 'istitle',
         'isspace', 'isprintable', 'isidentifier']
ranges = [(0, 0xD800), (0xE000, 0x20000), (0x2A6D0, 0x2A6E0), (0xE0000, 0xE0080)]
for p in preds:
    count = 0
    acc = 0
    for lo, hi in ranges:
        for cp in range(lo, hi):
            if getattr(chr(cp), p)():
                count += 1
                acc = (acc * 31 + cp) % 1000000007
    print(p, count, acc)
acc = 0
for lo, hi in ranges:
    for cp in range(lo, hi, 3):
        ch = chr(cp)
        for s in (ch.swapcase(), repr(ch), ('x' + ch).isidentifier() and 'y' or 'n'):
            for c in s:
                acc = (acc * 131 + ord(c)) % 1000000007
print('swapcase/repr/continue', acc)
for w in ['ǅemal', 'ⅷ', '½', '𝔘𝔫𝔦', 'ᾈ', 'Ǆ', 'ǆ', 'ΣΑΣ', 'ʰ', '\u0345', 'x\u0345']:
    print(w, w.islower(), w.isupper(), w.istitle(), w.isalnum(), w.swapcase(), w.title(), w.isidentifier())
