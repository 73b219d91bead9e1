# TypeError/ValueError messages of builtins called with missing or extra arguments, bytes.fromhex parsing
import math
calls = ["sorted()", "divmod()", "getattr(1)", "int.from_bytes()", "open()", "range()", "round()", "'a'.split(1,2,3)", "'a'.encode(1,2,3)", "'a'.startswith()", "'a'.replace('a')", "[].index()", "[].insert(1)", "{}.get()", "{}.pop()", "'a'.center()", "'a'.count()", "'a'.find()", "'a'.expandtabs(1,2)", "b'a'.decode(1,2,3)", "bytes.fromhex()", "'a'.join()", "'a'.zfill()", "'a'.ljust()", "pow(1)", "format()", "isinstance(1)", "math.log()", "math.gcd(1.5)", "int.to_bytes(1)", "bytearray().pop(1,2)", "memoryview()", "print(1, foo=2)", "sum()", "min()", "next()", "iter()", "dict.fromkeys()", "'a'.splitlines(1,2)", "str.maketrans()", "'{}'.format_map()", "(1.5).hex(1)", "complex(1,2,3)", "hash()", "repr()", "abs()", "vars(1,2)", "dir(1,2)", "compile()", "exec()", "eval()"]
for c in calls:
    try:
        eval(c)
        print(c, "| ok")
    except Exception as e:
        print(c, "|", type(e).__name__, e)
for c in ["bytes.fromhex('a b')", "bytes.fromhex('zz')", "bytes.fromhex(' 01 0203 ')", "bytes.fromhex(1)", "bytearray.fromhex('ff 00')", "bytes.fromhex('0g')"]:
    try:
        print(c, "|", eval(c))
    except Exception as e:
        print(c, "|", type(e).__name__, e)
