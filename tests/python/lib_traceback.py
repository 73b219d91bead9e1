# The traceback module: format_exc/print_exc/format_exception(_only)/extract_tb/extract_stack, chains and limits
import traceback, sys, io

def captured(fn, *args, **kw):
    buf = io.StringIO()
    fn(*args, file=buf, **kw)
    print(buf.getvalue().replace(__file__, "FILE"), end="")

def inner(n):
    if n == 0:
        raise ValueError("deep")
    inner(n - 1)

def outer():
    try:
        inner(2)
    except ValueError as e:
        raise RuntimeError("wrapped") from e

try:
    outer()
except RuntimeError:
    s = traceback.format_exc()
    print(s.replace(__file__, "FILE"))
    print(traceback.format_exc(limit=1).replace(__file__, "FILE"))
    print(traceback.format_exc(chain=False).replace(__file__, "FILE"))
    e = sys.exc_info()[1]
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.filename == __file__, fs.lineno, fs.name, fs.line)
        fn, ln, name, line = fs
        print(ln, name, line, repr(fs).replace(__file__, "FILE"))
    print([x.replace(__file__, "FILE") for x in traceback.format_tb(e.__cause__.__traceback__)])
    print(len(traceback.format_exception(e)), len(traceback.format_exception(type(e), e, e.__traceback__)))
    captured(traceback.print_exc)

def rec(n):
    if n == 0:
        raise KeyError("k")
    rec(n - 1)
try:
    rec(10)
except KeyError:
    print(traceback.format_exc().replace(__file__, "FILE"))

try:
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        raise KeyError("x")
except KeyError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
print(repr(traceback.format_exc()))

class MyErr(Exception):
    pass
try:
    raise MyErr()
except MyErr as e:
    print(traceback.format_exception_only(e))
e = SyntaxError("invalid syntax", ("f.py", 3, 5, "  x = = 1\n", 3, 6))
print(traceback.format_exception_only(e))
def g():
    return traceback.extract_stack()
st = g()
print([(f.name, f.line) for f in st])
print(traceback.format_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)]))
try:
    raise ValueError("with note")
except ValueError as e:
    e.add_note("a note")
    print(traceback.format_exception_only(e))
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), len(te.stack))
captured(traceback.print_exception, ValueError("x"))
def s1():
    captured(traceback.print_stack)
s1()
try:
    raise OSError(2, "nope")
except OSError:
    captured(traceback.print_exc)
print(OSError(2, "nope").__class__.__name__, OSError(13, "denied", "f").__class__.__name__, OSError(99999, "x").__class__.__name__, OSError("plain").__class__.__name__)
print(ConnectionResetError.__mro__[1].__name__, isinstance(OSError(111, "r"), ConnectionRefusedError))
import sys
def where():
    return sys._getframe().f_back.f_lineno
print(where())
x = [where(),
     where()]
print(x)
