import asyncio

async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name * n

async def main():
    log = []
    r = await asyncio.gather(worker("a", 3, log), worker("b", 2, log), worker("c", 1, log))
    print(r)
    print(log)
    t = asyncio.create_task(worker("t", 2, log))
    print(await t, t.done())
    q = asyncio.Queue()
    async def prod():
        for i in range(5):
            await q.put(i)
            await asyncio.sleep(0)
        await q.put(None)
    async def cons():
        got = []
        while (x := await q.get()) is not None:
            got.append(x)
        return got
    _, got = await asyncio.gather(prod(), cons())
    print(got)
    await asyncio.sleep(0.01)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    async def bad():
        await asyncio.sleep(0)
        raise ValueError("bad")
    try:
        await asyncio.gather(bad(), worker("z", 1, log))
    except ValueError as e:
        print("caught", e)
    res = await asyncio.gather(bad(), worker("y", 1, log), return_exceptions=True)
    print(res)
    return 42

print(asyncio.run(main()))
