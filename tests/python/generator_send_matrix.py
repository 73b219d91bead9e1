def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return (count, avg)
        total += x; count += 1
        avg = total / count
a = averager(); next(a)
print([a.send(v) for v in [10, 20, 60]])
try:
    a.send(None)
except StopIteration as e:
    print(e.value)
def g():
    try:
        while True:
            yield "tick"
    finally:
        print("cleanup")
gen = g()
print(next(gen), next(gen))
gen.close()
print(gen.gi_running, list(gen))
def first_n(n):
    yield from range(n)
    return "done"
def wrapper():
    r = yield from first_n(3)
    yield r
print(list(wrapper()))
