import asyncio

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print("close", self.name, et.__name__ if et else None, ev)
        return self.suppress

async def main():
    async with Resource("a") as a, Resource("b") as b:
        print("using", a.name, b.name)
    async with Resource("s", suppress=True):
        raise KeyError("suppressed")
    try:
        async with Resource("p"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
    async def early():
        async with Resource("ret"):
            return "returned"
    print(await early())
    lock = asyncio.Lock()
    order = []
    async def critical(n):
        async with lock:
            order.append(("in", n))
            await asyncio.sleep(0)
            order.append(("out", n))
    await asyncio.gather(critical(1), critical(2), critical(3))
    print(order)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woke"
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(t.done())
    ev.set()
    print(await t)

asyncio.run(main())
