# The traceback module's column data: FrameSummary colno/end_colno/end_lineno, tb_lasti and co_positions
import io, sys, traceback

def print_exc():
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue().replace(__file__, "FILE"), end="")

def inner(x):
    return x["k"] * 2

def outer(x):
    y = inner(x) + 1
    return y

try:
    outer({})
except KeyError as e:
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, repr(fs.line))
    tb = e.__traceback__
    while tb is not None:
        pos = list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2]
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, pos)
        tb = tb.tb_next
    print("".join(traceback.format_tb(e.__traceback__)).replace(__file__, "FILE"))
    print(traceback.format_exc().replace(__file__, "FILE"))
    print_exc()
    te = traceback.TracebackException.from_exception(e)
    print("".join(te.format()).replace(__file__, "FILE"))

def stack():
    return traceback.extract_stack()[-1]

fs = stack()
print(fs.name, fs.colno, fs.end_colno)
fs = traceback.FrameSummary("f.py", 3, "g", line="x = a / b", colno=4, end_colno=9, end_lineno=3)
print(fs.colno, fs.end_colno, fs.end_lineno)
print(traceback.StackSummary.from_list([fs]).format())

def gen():
    yield 1
    yield [][0]

try:
    list(gen())
except IndexError:
    print_exc()

code = compile("a = 1\nb = a + c\n", "<text>", "exec")
print(all(len(p) == 4 for p in code.co_positions()))
print(sorted({p for p in code.co_positions() if p[0] == 2 and p[2] == 4}))
try:
    exec(code, {})
except NameError as e:
    tb = e.__traceback__.tb_next
    print(list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2])
outer([])
