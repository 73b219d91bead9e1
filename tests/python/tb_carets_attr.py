# Traceback markers under attribute loads, stores and deletes
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

class P:
    x = 1

def load(o):
    return o.foo.bar

def load_second(o):
    return o.x.bar

def store(o):
    o.y.z = 1

def store_none(o):
    o.attr = 3

def delete(o):
    del o.nothing

def augmented(o):
    o.missing += 1

def in_expression(o):
    return 1 + o.x.real.nope * 2

def module_attr():
    return sys.no_such_thing

show(load, P())
show(load_second, P())
show(store, P())
show(store_none, None)
show(delete, P())
show(augmented, P())
show(in_expression, P())
show(module_attr)
p = P()
print(p.x, p.y)
