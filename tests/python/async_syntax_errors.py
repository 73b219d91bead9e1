cases = [
    "await x",
    "def f():\n    await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "def f():\n    return [x async for x in y]",
    "async def f():\n    yield 1\n    return 2",
    "async def f():\n    yield from x",
    "try:\n    pass\nexcept* ValueError:\n    return 1",
    "for i in x:\n    try:\n        pass\n    except* ValueError:\n        break",
    "try:\n    pass\nexcept*:\n    pass",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
async def ok():
    return [x async for x in y] + [await z for z in w]
print("ok compiled")
