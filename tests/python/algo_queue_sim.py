from collections import deque
import random
random.seed(5)
q = deque()
served = []
for t in range(20):
    if random.random() < 0.6:
        q.append((t, random.randint(1, 3)))
    if q and t % 2 == 0:
        arrival, work = q.popleft()
        served.append((arrival, t, work))
print(len(served), served[:5], len(q))
print(sum(t - a for a, t, _ in served) / len(served))
