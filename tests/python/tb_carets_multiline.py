# Traceback markers for ranges spanning several lines: marked to the end of the first line
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def fail(*a):
    return 1 / 0

def call_args():
    return fail(1,
                2)

def call_first_line():
    x = fail(
        1)
    return x

def binop():
    return (1 +
            None)

def binop_second_line():
    x = ("a",
         1 + None)
    return x

def subscript():
    return {"k": 1}[
        "z"]

def list_index():
    return [1,
            2][5]

class Obj:
    def meth(self, n):
        return fail(n)

def method_chain():
    o = Obj()
    return (o
            .meth(1))

def missing_method_chain():
    o = Obj()
    return (o
            .other(1))

def argument_line():
    print(1,
          1 / 0)

def dict_display():
    d = {
        "a": 1,
        "b": fail(),
    }
    return d

show(call_args)
show(call_first_line)
show(binop)
show(binop_second_line)
show(subscript)
show(list_index)
show(method_chain)
show(missing_method_chain)
show(argument_line)
show(dict_display)
value = (10 *
         None)
