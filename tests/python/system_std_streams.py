# sys.stdin/stdout/stderr attributes, the binary .buffer layers (bytes in and out, ordered with text), more sys members
import sys
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdout.isatty(), sys.stdout.name, sys.stdin.name)
n = sys.stdout.write("w\n"); print(n)
print(sys.stdin.readline(), end="")
print([l for l in sys.stdin][:2])
sys.stdout.flush()
print(hasattr(sys.stdout, "buffer"))
sys.stdout.buffer.write(b"bytes out\n")
sys.stdout.flush()
print(sys.modules[__name__].__name__, __name__ in sys.modules, type(sys.path[0]), sys.getrefcount is not None)
print(sys.getrecursionlimit(), sys.is_finalizing() if hasattr(sys, "is_finalizing") else False, sys.getswitchinterval() if hasattr(sys,"getswitchinterval") else 0.005)
print(callable(sys.settrace), callable(sys.gettrace), sys.gettrace() if hasattr(sys,"gettrace") else None, hasattr(sys, "setprofile"), sys.thread_info.name if hasattr(sys,"thread_info") else "pthread")
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno(), sys.exit.__name__, sys.float_repr_style if hasattr(sys,"float_repr_style") else "short")
