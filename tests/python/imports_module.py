import mod_helper
from mod_helper import greet, CONSTANT as C
import mod_pkg.sub as sub
from mod_pkg import value
from mod_pkg.sub import double
print(mod_helper.greet("x"), greet("y"), C)
print(sub.double(4), double(5), value)
print(mod_helper.__name__, sub.__name__)
import mod_helper as again
print(again is mod_helper, mod_helper.loaded_count)
