from bm_common import run


def loop():
    x = 0
    for i in range(2_000_000):
        x += (i % 7) * (i % 11)
    return x


run("loop_arith", loop)
