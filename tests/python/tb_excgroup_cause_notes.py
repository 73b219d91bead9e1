def parse(items):
    errs = []
    for it in items:
        try:
            int(it)
        except ValueError as e:
            e.add_note(f"while parsing {it!r}")
            errs.append(e)
    return errs

def load():
    try:
        {}["config"]
    except KeyError as k:
        eg = ExceptionGroup("bad input", parse(["1", "x", "2", "y"]))
        eg.add_note("group note")
        raise eg from k

try:
    load()
except* ValueError as g:
    print("messages:", [str(e) for e in g.exceptions])
    print("notes:", [e.__notes__ for e in g.exceptions], g.__notes__)
    raise g
