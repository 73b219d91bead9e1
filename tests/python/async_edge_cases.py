import asyncio
import sys

class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def agen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup awaiting")
        await asyncio.sleep(0)
        print("cleanup done")

async def handler_state():
    try:
        raise KeyError("k")
    except KeyError:
        await asyncio.sleep(0)
        print("exc_info after await:", repr(sys.exc_info()[1]))
    print("exc_info after block:", sys.exc_info())

async def fstring_await():
    async def val():
        return 41
    return f"{await val() + 1}!"

async def deep(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await deep(n - 1)

class AsyncIterable:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i * 10

async def ret_in_try():
    try:
        try:
            return "from try"
        except* ValueError:
            pass
    finally:
        print("outer finally")

async def main():
    g = agen_cleanup()
    print(await g.__anext__())
    await g.aclose()
    await handler_state()
    print(await fstring_await())
    print(await deep(200))
    print([x async for x in AsyncIterable(3)])
    total = 0
    async for v in AsyncIterable(4):
        total += v
    print(total)
    print(await ret_in_try())
    async def gen_with_with():
        class CM:
            async def __aenter__(self):
                print("cm enter")
            async def __aexit__(self, *a):
                print("cm exit", a[0])
        async with CM():
            yield "in with"
    async for x in gen_with_with():
        print(x)
    coros = [deep(i) for i in range(3)]
    print(await asyncio.gather(*coros))
    class Meta:
        async def method(self, x):
            return x * 2
        @staticmethod
        async def smethod():
            return "static"
        @classmethod
        async def cmethod(cls):
            return cls.__name__
    m = Meta()
    print(await m.method(4), await Meta.smethod(), await Meta.cmethod())
    lam = lambda: deep(1)
    print(await lam())
    async def kwonly(*, a, b=2, **kw):
        return a + b + sum(kw.values())
    print(await kwonly(a=1, c=3))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.001)
    except TimeoutError as e:
        print("timeout is builtin TimeoutError:", type(e) is TimeoutError)

asyncio.run(main())

def manual():
    t = Tick()
    async def inner():
        a = await t
        b = await t
        return a + b
    c = inner()
    print(c.send(None), c.send(1))
    try:
        c.send(2)
    except StopIteration as e:
        print("sum", e.value)
    c2 = inner()
    c2.send(None)
    try:
        c2.throw(KeyError("injected"))
    except KeyError as e:
        print("propagated", repr(e))
    print(c2.cr_frame)
manual()
