# Traceback markers under subscripts: ~ under the value, ^ under the brackets
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def index(x):
    return x[5]

def key(d):
    return d["missing"] + 1

def chained(m):
    return m[0][7]

def sliced(x):
    return x[1:2][3]

def spaced(x):
    return x  [ 1 ]

def parenthesised(x):
    return (x)[(1)]

def tuple_key(d):
    return d[1, 2]

def store(x):
    x[None] = 2

def delete(x):
    del x[10]

def augmented(d):
    d["k"] += 1

def nested(d):
    return d[d["a"]]

show(index, [1, 2])
show(key, {})
show(chained, [[1]])
show(sliced, [1, 2, 3])
show(spaced, [])
show(parenthesised, [])
show(tuple_key, {})
show(store, [1])
show(delete, [])
show(augmented, {})
show(nested, {"a": "b"})
table = {"x": 1}
print(table["y"])
