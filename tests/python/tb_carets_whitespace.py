# Markers on lines with trailing blanks, tabs, semicolons and comments (3.11 quirks included)
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def g():
    return 1 / 0

def trailing_blanks():
    x = g()   
    return x

def trailing_whole():
    g()   

def tabbed():
	x = g()
	return x

def semicolon():
    x = 1; g()

def commented():
    x = g()  # call g
    return x

def bad_iter():
    for i in 5:
        pass

def unpack():
    a, b = 1, 2, 3

def assertion(x):
    assert x > 0, "x must be positive"

def assertion_not(x):
    assert not x

def undefined():
    return undefined_name_here + 1

def conditional(x):
    return 1 if x < 1 else 2

def raise_after(x):
    y = 1; raise ValueError(x)

show(trailing_blanks)
show(trailing_whole)
show(tabbed)
show(semicolon)
show(commented)
show(bad_iter)
show(unpack)
show(assertion, -1)
show(assertion_not, 1)
show(undefined)
show(conditional, None)
show(raise_after, "v")
def last():
    return g()  
last()
