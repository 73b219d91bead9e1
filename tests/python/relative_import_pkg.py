import mod_pkg
from mod_pkg.sub import double
from mod_pkg import helper2
print(mod_pkg.value, double(21), helper2.factor, mod_pkg.sub.__name__, mod_pkg.__package__)
