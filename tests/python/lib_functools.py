from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key, cached_property
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
pow2 = partial(pow, 2)
print(pow2(10), partial(int, base=2)("101"))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        """inner doc"""
        return f(*a, **k) * 2
    return inner
@deco
def base(x):
    """base doc"""
    return x + 1
print(base(3), base.__name__, base.__doc__, base.__wrapped__(3))
@total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print("computing")
        return 3 * self.r ** 2
c = Circle(2); print(c.area, c.area)
