log = []
def run(x):
    try:
        log.append("try")
        if x == 1: raise ValueError
        if x == 2: return "ret"
    except ValueError:
        log.append("except")
        return "from-except"
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return "end"
for x in range(3):
    log.clear()
    print(x, run(x), log)
def loop_flow():
    out = []
    for i in range(4):
        try:
            if i == 0: continue
            if i == 2: break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_flow())
