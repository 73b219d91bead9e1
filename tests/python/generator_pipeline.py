def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
print(list(take(5, evens(numbers()))))
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks(list(range(7)), 3)))
gen = (x ** 2 for x in range(4))
print(next(gen), next(gen), list(gen))
def gen_with_return():
    yield 1
    return 99
g = gen_with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print(sum(x for x in range(10) if x % 3 == 0), max((len(w), w) for w in ["aa", "b", "ccc"]))
def stateful():
    total = 0
    while True:
        x = yield total
        total += x
acc = stateful(); next(acc)
print([acc.send(v) for v in [1, 2, 3]])
