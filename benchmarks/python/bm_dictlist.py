from bm_common import run


def dictlist():
    d = {}
    for i in range(200_000):
        d[i % 5000] = d.get(i % 5000, 0) + i
    lst = [v % 97 for v in d.values()]
    lst.sort()
    words = {}
    for i in range(100_000):
        k = "k" + str(i % 1000)
        words[k] = words.get(k, 0) + 1
    s = sum(lst) + len(words)
    squares = [i * i for i in range(100_000) if i % 3]
    return s + len(squares) + squares[-1] % 1000


run("dictlist", dictlist)
