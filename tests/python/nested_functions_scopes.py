def outer(n):
    total = 0
    def add(k):
        nonlocal total
        total += k
        return total
    for i in range(n):
        add(i)
    return total, add.__name__, add.__qualname__
print(outer(5))
def gen_closure():
    funcs = {}
    for name in ["a", "b"]:
        def f(name=name):
            return name * 2
        funcs[name] = f
    return funcs
print({k: v() for k, v in gen_closure().items()})
x = 1
def read_global():
    return x + 1
def shadow_param(x):
    return x * 10
print(read_global(), shadow_param(5))
class C:
    val = 7
    def m(self):
        return val if False else self.val
print(C().m())
def rec(n):
    def helper(k):
        return k if k <= 1 else k * helper(k - 1)
    return helper(n)
print(rec(6))
