# Traceback markers after non-ASCII text: columns are UTF-8 byte offsets, markers count display width
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def accented(n):
    s = "café"; return len(s) / n

def wide_before(n):
    s = "日本語"; return n // 0

def wide_inside():
    return "日本" + 1

def wide_key(d):
    return d["日本x"]

def emoji_before(x):
    y = "😀";z=x[9]

def emoji_inside():
    return "😀" + 1

def accented_inside():
    return "é" + 1

def greek_names(α, β):
    return α / β

def combining():
    s = "e\u0301"; return s + 1

show(accented, 0)
show(wide_before, 1)
show(wide_inside)
show(wide_key, {})
show(emoji_before, [])
show(emoji_inside)
show(accented_inside)
show(greek_names, 1, 0)
show(combining)
名前 = {"キー": 1}
print(名前["値"])
