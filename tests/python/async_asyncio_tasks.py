import asyncio

results = []

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        results.append(f"put {i}")
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        results.append(f"got {item}")
        total += item
    return total

async def slow(n):
    await asyncio.sleep(0.001 * n)
    return n

async def cancellable():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise

async def main():
    q = asyncio.Queue(maxsize=2)
    total = await asyncio.gather(producer(q, 5), consumer(q))
    print(total)
    print(results)
    print(await asyncio.gather(*(slow(n) for n in [3, 1, 2])))
    t = asyncio.create_task(cancellable())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled())
    print(await asyncio.wait_for(slow(1), 1))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from callback")
    print(await fut)
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
    print(await asyncio.gather())
    tasks = [asyncio.create_task(slow(i), name=f"job{i}") for i in range(3)]
    print([t.get_name() for t in tasks])
    done = await asyncio.gather(*tasks)
    print(done, all(t.done() for t in tasks))
    print(await asyncio.shield(slow(0)))
    return "main done"

print(asyncio.run(main()))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
