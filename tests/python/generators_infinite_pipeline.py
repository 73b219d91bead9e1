import itertools
def primes():
    seen = []
    for n in itertools.count(2):
        if all(n % p for p in seen if p * p <= n):
            seen.append(n)
            yield n
print(list(itertools.islice(primes(), 15)))
def running_avg(src):
    total = 0
    for i, x in enumerate(src, 1):
        total += x
        yield total / i
print(list(running_avg([2, 4, 6, 8])))
squares = (n * n for n in itertools.count(1))
print(list(itertools.takewhile(lambda s: s < 50, squares)))
