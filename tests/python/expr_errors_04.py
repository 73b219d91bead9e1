exprs = ['ord("ab")', 'ord(1)', 'bytes([256])', 'bytes("x")', '"%d" % "a"', '"%s %s" % (1,)', '"%s" % (1, 2)', '"{0} {1}".format(1)', '"{x}".format()', '"{".format()', '"}".format()', 'format(1, "q")', 'format("a", "d")', 'format(1.5, "d")', 'int("10", 99)', 'int(1.5, 2)']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
