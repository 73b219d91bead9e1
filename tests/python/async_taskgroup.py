import asyncio
from contextlib import asynccontextmanager, aclosing, nullcontext

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print("finished", name)
        return name
    except asyncio.CancelledError:
        print("cancelled", name)
        raise

@asynccontextmanager
async def tracked(label):
    print("enter", label)
    try:
        yield label.upper()
    except KeyError as e:
        print("cm saw", repr(e))
    finally:
        print("exit", label)

async def counter(n):
    for i in range(n):
        yield i
    print("counter closed")

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0))
        t2 = tg.create_task(job("b", 0.002))
    print("results", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("slow", 1))
            tg.create_task(job("bad", 0, fail=True))
            tg.create_task(job("bad2", 0, fail=True))
            await asyncio.sleep(5)
            print("not reached")
    except* ValueError as eg:
        print("group:", sorted(str(e) for e in eg.exceptions))
    async with tracked("x") as v:
        print("inside", v)
    async with tracked("y"):
        raise KeyError("swallowed")
    try:
        async with tracked("z"):
            raise TypeError("escapes")
    except TypeError as e:
        print("escaped", e)
    it = counter(3)
    print(await anext(it), await anext(it), await anext(it))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("exhausted")
    async with aclosing(counter(5)) as c:
        async for i in c:
            if i == 1:
                break
    print([i async for i in aiter(counter(2))])
    async with nullcontext(7) as n:
        print("null", n)
    try:
        aiter(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        anext([])
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
