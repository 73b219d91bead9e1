class NotAwaitable:
    pass

async def f():
    await NotAwaitable()

c = f()
try:
    c.send(None)
except TypeError as e:
    print("TypeError:", e)

async def g():
    async for x in [1, 2]:
        print(x)

try:
    g().send(None)
except TypeError as e:
    print("TypeError:", e)

async def h():
    async with open:
        pass

try:
    h().send(None)
except TypeError as e:
    print("TypeError:", e)

async def done():
    return 1

d = done()
try:
    d.send(None)
except StopIteration as e:
    print("value", e.value)
d.send(None)
