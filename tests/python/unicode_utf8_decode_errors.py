cases = [b"\xf0\x9f\x98", b"a\xffb", b"\xe2\x82", b"\xe2\x28\xa1", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"ok\xf0\x9f\x98\x80", b"\x80", b"\xf0\x9f\x98\x80\xf0"]
for c in cases:
    for err in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
        try:
            r = c.decode("utf-8", err)
            print(err, ascii(r), len(r))
        except UnicodeDecodeError as e:
            print(err, e, e.start, e.end, e.reason)
