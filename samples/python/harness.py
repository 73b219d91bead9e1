import time

t0 = time.time()
x = 0
for i in range(2_000_000):
    x += (i % 7) * (i % 11)
dt = time.time() - t0
print(x)
print(f"{dt:.4f}")
