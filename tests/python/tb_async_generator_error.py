import asyncio

async def numbers():
    yield 1
    await asyncio.sleep(0)
    yield 2
    raise ValueError("generator broke")

async def main():
    try:
        async for n in numbers():
            print("n =", n)
    except ValueError as e:
        return e

err = asyncio.run(main())
print("returned", repr(err))

async def consume(agen):
    async for n in agen:
        print("got", n)

c = consume(numbers())
try:
    while True:
        c.send(None)
except StopIteration:
    pass
