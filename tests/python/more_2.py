"""Module docstring."""
def f():
    """Function doc."""
class C:
    """Class doc."""
    def m(self):
        "method doc"
print(__doc__, f.__doc__, C.__doc__, C.m.__doc__, (lambda: 0).__doc__)
