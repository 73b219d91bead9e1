import types

async def add(a, b):
    return a + b

c = add(2, 3)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_code.co_name)
print(isinstance(c, types.CoroutineType), hasattr(c, "__next__"), hasattr(c, "__iter__"))
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
w = c.__await__()
try:
    next(w)
except StopIteration as e:
    print("result via __await__", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

@types.coroutine
def legacy(x):
    got = yield ("legacy", x)
    return got

async def uses_legacy():
    v = await legacy(1)
    return v * 3

u = uses_legacy()
print(u.send(None))
try:
    u.send(7)
except StopIteration as e:
    print("legacy result", e.value)

async def catcher():
    try:
        await legacy(2)
    except ValueError as e:
        return f"caught {e}"

k = catcher()
print(k.send(None))
try:
    k.throw(ValueError("thrown in"))
except StopIteration as e:
    print(e.value)

async def closer():
    try:
        await legacy(3)
    finally:
        print("closer finally")

cl = closer()
cl.send(None)
cl.close()
print("closed", cl.cr_frame)

class Awaitable:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            yield i
        return "done"

async def drive():
    return await Awaitable(3)

d = drive()
print([d.send(None) for _ in range(3)])
try:
    d.send(None)
except StopIteration as e:
    print(e.value)

class BadAwait:
    def __await__(self):
        return 5

async def bad():
    await BadAwait()
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)

async def returns_coro():
    return add(1, 1)
async def nested():
    inner = await returns_coro()
    return await inner
n = nested()
try:
    n.send(None)
except StopIteration as e:
    print("nested", e.value)

async def raises_stop():
    raise StopIteration("x")
try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

async def lambda_like():
    return [await add(i, i) for i in range(3)]
ll = lambda_like()
try:
    ll.send(None)
except StopIteration as e:
    print("listcomp await", e.value)

class Twice:
    def __await__(self):
        yield 1
        yield 2
        return "twice"

async def awaited_once():
    return await Twice()

shared = awaited_once()
async def first():
    return await shared
async def second():
    return await shared
f1 = first()
print(f1.send(None))
try:
    second().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(f1.send(None))
try:
    f1.send(None)
except StopIteration as e:
    print("first got", e.value)
