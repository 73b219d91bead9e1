def make_counter(start=0):
    count = start
    def counter():
        nonlocal count
        count += 1
        return count
    def reset():
        nonlocal count
        count = start
    counter.reset = reset
    return counter
c = make_counter(10)
print(c(), c(), c())
c.reset()
print(c())
def fib_gen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
f = fib_gen()
print([f() for _ in range(10)])
