from bm_common import run


def strings():
    parts = []
    for i in range(100_000):
        parts.append(f"{i}:{i * 2}")
    s = ",".join(parts)
    words = s.split(",")
    n = 0
    for w in words:
        if w.endswith("0"):
            n += len(w)
    t = ""
    for i in range(20_000):
        t += str(i % 10)
    return n + len(t) + s.count("7")


run("strings", strings)
