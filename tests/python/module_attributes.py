import math, sys
print(math.__name__, sys.__name__, __name__, type(math).__name__)
import mod_helper
print(mod_helper.__name__, mod_helper.CONSTANT, hasattr(mod_helper, "greet"), mod_helper.__file__.endswith("mod_helper.py"))
mod_helper.CONSTANT = 7
import mod_helper as again
print(again.CONSTANT, "mod_helper" in sys.modules)
from mod_helper import *
print(greet("star"))
