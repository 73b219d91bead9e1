counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
    mid()
    return x
print(outer())
def make():
    value = []
    def add(v):
        value.append(v)
        return value
    return add
add = make()
add(1)
print(add(2))
