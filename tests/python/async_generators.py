import asyncio

async def ticker(n, delay=0):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(delay)
    finally:
        print("ticker cleanup")

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("echo closing with", received)
        raise

async def main():
    print([x async for x in ticker(4)])
    print({x: x * x async for x in ticker(3) if x})
    print({x async for x in ticker(3)})
    g = ticker(5)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped after aclose")
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.asend("b"))
    await e.aclose()
    async def thrower():
        try:
            yield 1
        except ValueError as ex:
            print("got", ex)
            yield 2
    t = thrower()
    print(await t.__anext__())
    print(await t.athrow(ValueError("boom")))
    try:
        await t.__anext__()
    except StopAsyncIteration:
        print("thrower done")
    print(type(t).__name__, repr(t).startswith("<async_generator object main.<locals>.thrower"))
    async def agen_with_return():
        yield 1
        return
    print([x async for x in agen_with_return()])
    async def bad():
        yield 1
        raise StopAsyncIteration
    try:
        async for x in bad():
            print("bad yields", x)
    except RuntimeError as ex:
        print("RuntimeError", ex)
    gen_exp = (x * 2 async for x in ticker(3))
    print(type(gen_exp).__name__, [y async for y in gen_exp])
    out = []
    tk = ticker(10)
    async for i in tk:
        if i == 2:
            continue
        if i == 5:
            break
        out.append(i)
    else:
        print("no else after break")
    await tk.aclose()
    print(out)
    async for i in ticker(2):
        pass
    else:
        print("else runs")

asyncio.run(main())
