"""Source lines of files by name, cached (the subset of CPython's linecache that tracebacks use)."""

import sys

cache = {}


def _find(filename):
    if not filename or filename.startswith("<"):
        return None
    candidates = [filename]
    if not filename.startswith("/"):
        for entry in sys.path:
            if isinstance(entry, str):
                candidates.append((entry.rstrip("/") + "/" if entry else "") + filename)
    for path in candidates:
        try:
            with open(path) as f:
                return f.readlines()
        except (OSError, UnicodeDecodeError, ValueError):
            continue
    return None


def getlines(filename, module_globals=None):
    if filename in cache:
        return cache[filename]
    lines = _find(filename)
    if lines is None:
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = lines
    return lines


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def clearcache():
    cache.clear()


def checkcache(filename=None):
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)


def lazycache(filename, module_globals):
    return False
