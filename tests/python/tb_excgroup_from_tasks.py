import asyncio

async def job(i):
    await asyncio.sleep(0)
    if i % 2:
        raise ValueError(f"job {i}")
    return i

async def main():
    results = await asyncio.gather(*(job(i) for i in range(5)), return_exceptions=True)
    print("ok:", [r for r in results if not isinstance(r, Exception)])
    return [r for r in results if isinstance(r, Exception)]

def report(errors):
    raise ExceptionGroup("jobs failed", errors)

errors = asyncio.run(main())
try:
    report(errors)
except* ValueError as eg:
    print("caught", len(eg.exceptions), "errors")
    raise
