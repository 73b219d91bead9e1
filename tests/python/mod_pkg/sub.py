from .helper2 import factor
def double(x):
    return x * factor
