import time
t0 = time.time(); t1 = time.perf_counter(); t2 = time.monotonic()
s = sum(range(100000))
print(s, time.time() >= t0, time.perf_counter() >= t1, time.monotonic() >= t2, isinstance(time.time_ns(), int))
time.sleep(0.01)
print(time.perf_counter() - t1 >= 0.005)
