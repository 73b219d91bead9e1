"""warnings for PySharp: prints to stderr like CPython's default filter (once per location)."""
import sys

_seen = set()
filters = []


def warn(message, category=None, stacklevel=1, source=None):
    if category is None:
        category = message.__class__ if isinstance(message, Warning) else UserWarning
    for action, cat in filters:
        if issubclass(category, cat):
            if action == "ignore":
                return
            if action == "error":
                raise category(message)
    try:
        frame = sys._getframe(stacklevel)
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    except ValueError:
        filename, lineno = "sys", 1
    key = (str(message), category, filename, lineno)
    if key in _seen:
        return
    _seen.add(key)
    sys.stderr.write(f"{filename}:{lineno}: {category.__name__}: {message}\n")


def simplefilter(action, category=Warning, lineno=0, append=False):
    filters.insert(0, (action, category))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    filters.insert(0, (action, category))


class catch_warnings:
    def __init__(self, *, record=False, **kw):
        self.record = record

    def __enter__(self):
        self._filters = filters[:]
        return [] if self.record else None

    def __exit__(self, *a):
        filters[:] = self._filters
