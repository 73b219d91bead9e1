import random
random.seed(2024)
print(random.random(), random.randint(1, 6), random.randrange(10), random.choice(["a", "b", "c"]))
xs = list(range(20)); random.shuffle(xs); print(xs)
print(random.sample(range(1000), 4), round(random.uniform(5, 10), 6))
r = random.Random(7)
print([r.randint(0, 9) for _ in range(10)], r.getrandbits(40))
random.seed(0)
print([round(random.gauss(0, 1), 6) for _ in range(3)])
