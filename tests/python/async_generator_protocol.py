import asyncio
async def ag():
    try:
        x = yield 1
        print("got", x)
        yield 2
    finally:
        print("fin")

async def main():
    g = ag()
    try:
        await g.athrow(ValueError("early"))
    except ValueError as e:
        print("early athrow propagates", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("after early athrow: exhausted")
    g2 = ag()
    await g2.aclose()
    print("aclose unstarted ok")
    try:
        await g2.asend(None)
    except StopAsyncIteration:
        print("closed gen stops")
    g3 = ag()
    try:
        await g3.asend("x")
    except TypeError as e:
        print("TypeError:", e)
    g4 = ag()
    print(await g4.asend(None), await g4.asend("hello"))
    try:
        await g4.athrow(KeyError("k"))
    except KeyError as e:
        print("athrow propagated", repr(e))
    aw = g4.__anext__()
    try:
        await aw
    except StopAsyncIteration:
        print("stop")
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)
    g5 = ag()
    await g5.__anext__()
    r = await g5.athrow(GeneratorExit) if False else None
    async def ignores():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g6 = ignores()
    await g6.__anext__()
    try:
        await g6.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(g5.ag_running, g5.ag_frame is not None, g5.__name__, g5.__qualname__)
    await g5.aclose()
    print(g5.ag_frame)

asyncio.run(main())
