import time

start = time.time()
total = 0
for i in range(1_000_000):
    total += i
elapsed = time.time() - start
print(total)
print("elapsed is a float:", isinstance(elapsed, float), elapsed >= 0)
