import asyncio
import sys

async def ticker(name):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup", name)

held = []

async def main():
    g = ticker("held")
    held.append(g)
    async for i in g:
        if i == 2:
            break
    print("main done", i)
    return "result"

print(asyncio.run(main()))
print(tuple(sys.get_asyncgen_hooks()))
seen = []
sys.set_asyncgen_hooks(firstiter=seen.append)
async def drive():
    ag = ticker("hooked")
    await ag.__anext__()
    print("firstiter saw it:", seen == [ag])
    await ag.aclose()
c = drive()
try:
    while True:
        c.send(None)
except StopIteration:
    pass
sys.set_asyncgen_hooks(None, None)
print(tuple(sys.get_asyncgen_hooks()))
try:
    sys.set_asyncgen_hooks(firstiter=5)
except TypeError as e:
    print("TypeError:", e)
