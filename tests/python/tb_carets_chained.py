# Markers in chained tracebacks: every exception of a cause/context chain gets its own
import io, sys, traceback

def print_exc():
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue().replace(__file__, "FILE"), end="")

def parse(text):
    return int(text) * 2

def load(d):
    try:
        return parse(d["value"])
    except KeyError as e:
        raise LookupError("no value") from e

def convert(d):
    try:
        return load(d)
    except LookupError:
        x = d["fallback"] / 0
        return x

try:
    convert({"fallback": 1})
except Exception:
    print(traceback.format_exc().replace(__file__, "FILE"))
    print_exc()

try:
    load({"value": "abc"})
except ValueError:
    print(traceback.format_exc().replace(__file__, "FILE"))

def cleanup(items):
    try:
        return items[3]
    finally:
        print(items.missing)

try:
    cleanup([])
except AttributeError:
    print(traceback.format_exc(chain=False).replace(__file__, "FILE"))
    print(traceback.format_exc().replace(__file__, "FILE"))
convert({"fallback": 2})
