def f():
    print(y)
    y = 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(undefined_thing)
except NameError as e:
    print("NameError:", e)
class C: pass
try:
    C().missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "abc".nope()
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [1, 2]["x"]
except TypeError as e:
    print(e)
try:
    {}[[1]] = 2
except TypeError as e:
    print(e)
try:
    None()
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    "abc"[5]
except IndexError as e:
    print(e)
try:
    3 < "a"
except TypeError as e:
    print(e)
try:
    -"a"
except TypeError as e:
    print(e)
import math
try:
    import nonexistent_module_xyz
except ModuleNotFoundError as e:
    print(e)
try:
    from mod_helper import nope
except ImportError as e:
    print(str(e).split(" (")[0])
