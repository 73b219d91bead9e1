import sys
print(sys.argv[0].endswith("more_1.py"), __file__.endswith("more_1.py"), __name__)
print(type(__builtins__).__name__ in ("module", "dict"), __doc__)
