cases = ["1.5", "-2", "1e3", "1E-3", ".5", "5.", "  3.25  ", "inf", "-Infinity", "nan", "1_0.5", "0x10", "abc", "", "1e", "+.1e+2", "1.7976931348623157e308", "1e400", "-0.0", "4.9e-324"]
for s in cases:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
