class Yield:
    def __await__(self):
        yield "tick"

async def leaf(n):
    await Yield()
    if n == 3:
        raise RuntimeError(f"leaf {n} failed")
    return n

async def middle():
    total = 0
    for i in range(5):
        total += await leaf(i)
    return total

async def main():
    print("start")
    return await middle()

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value
    finally:
        print("ticks", ticks)

run(main())
