import types
async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    print("x", x)
    try:
        await 5
    except TypeError as e:
        print("TE", e)
    return x * 10

c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)

class Aw:
    def __await__(self):
        v = yield "tick"
        return v * 2

async def useaw():
    r = await Aw()
    return r

co = useaw()
print(co.send(None))
try:
    co.send(21)
except StopIteration as e:
    print("got", e.value)

async def agen(n):
    for i in range(n):
        yield i
        await Sleep0()

class Sleep0:
    def __await__(self):
        yield None

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    print("out", out)
    print([v async for v in agen(4)])
    class CM:
        async def __aenter__(self):
            print("enter")
            return "res"
        async def __aexit__(self, t, v, tb):
            print("exit", t)
            return True
    async with CM() as r:
        print("in", r)
        raise ValueError("boom")
    print("after")

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

run(consume())
