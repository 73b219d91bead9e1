# Behaviour at the edges of the interpreter's fast paths (calls with defaults, builtin
# methods with fixed-arity entry points, int arithmetic, str.join).


def f(a, b=2, *, c=3):
    return (a, b, c)


print(f(1), f(1, 5), f(1, c=9), f(1, 5, c=7))
f.__kwdefaults__["c"] = 30
print(f(1))
f.__kwdefaults__ = {"c": 300}
print(f(1))
f.__defaults__ = (20,)
print(f(1))
f.__kwdefaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)


def g(x, y):
    return x - y


def h(x, y=10, z=100):
    return x + y + z


f.__code__ = h.__code__
f.__defaults__ = (1, 2)
print(f(5), f(5, 6), f(5, 6, 7))
try:
    h()
except TypeError as e:
    print("TypeError:", e)
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)


class P:
    def m(self, a, b=4, *, k=5):
        return (a, b, k)


p = P()
print(p.m(1), p.m(1, 2), p.m(1, k=0))
P.m.__kwdefaults__["k"] = 50
print(p.m(1))
try:
    p.m()
except TypeError as e:
    print("TypeError:", e)

d = {"a": 1, 1: "one"}
print(d.get("a"), d.get("zz"), d.get("zz", 0), d.get(1, None), dict.get(d, "a"), dict.get(d, "q", "dflt"))


class D(dict):
    def __missing__(self, key):
        return "missing"


dd = D(x=1)
print(dd.get("x"), dd.get("y"), dd.get("y", 2), dd["y"])
for bad in [(), ("a", 1, 2)]:
    try:
        d.get(*bad)
    except TypeError as e:
        print("TypeError:", e)


class S(str):
    pass


s = "hello world"
print(s.startswith("hell"), s.startswith(""), s.endswith("world"), s.endswith("x"), s.startswith(("x", "he")), s.endswith(("ld",)))
print(S("abc").startswith("ab"), "abc".endswith(S("bc")), s.startswith("o", 4), s.endswith("hello", 0, 5))
for bad in [1, None, ("a", 1)]:
    try:
        s.startswith(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        s.endswith(bad)
    except TypeError as e:
        print("TypeError:", e)

print(",".join(["a", S("b"), "c"]), "-".join(("x", "y")), "".join([]), "+".join(["solo"]), "/".join(iter(["i", "t"])))
print("".join(c for c in "gen"), ", ".join({"k1": 1, "k2": 2}))
for bad in [["a", 1], ("a", None), [b"x"]]:
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError:", e)

big = 2**31
print(big * big, (-big) * big, (big - 1) * (big - 1), -big * -big, 3037000499 * 3037000499, 3037000500 * 3037000500)
print((2**63 - 1) * 1, (2**62) * 2, (2**62) * -2, (-(2**63)) * -1)
print(2**32 % 7, (2**32 - 1) % 10, (2**32 + 5) % (2**32), 12345 % 1, 0 % 5, (2**40 + 3) % 2**33, 7 % (2**32 + 1))
x = 0
for i in range(100):
    x += (i % 7) * (i % 11) - i * 3
print(x)
xs = [3, 1, 2]
if xs[0] < xs[1]:
    print("lt")
elif "b" < "a":
    print("str lt")
else:
    print("ge")


class Weird:
    def __lt__(self, other):
        return []

    def __bool__(self):
        raise RuntimeError("no bool")


class Falsy:
    def __bool__(self):
        return False


class Cmp:
    def __lt__(self, other):
        return Falsy()


if Weird() < 1:
    print("weird true")
else:
    print("weird false")
print("cmp", "yes" if Cmp() < 1 else "no")

# Unbound builtin methods called with an explicit self.
lst = []
list.append(lst, 1)


class L(list):
    pass


ll = L()
list.append(ll, 2)
print(lst, ll, dict.get({"a": 1}, "a"), str.upper("x"), int.__add__(True, 1), int.bit_length(True))
print(type.mro(bool), BaseException.__str__(ValueError("v")), tuple.count((1, 1, 2), 1), bytes.hex(b"ab"))
print(float.is_integer(2.0), complex.conjugate(1j), str.join(S(","), ["a", "b"]), set.union({1}, [2]), frozenset.union(frozenset([1]), [3]))
e = ValueError("w")
print(Exception.with_traceback(e, None) is e, object.__eq__(1, 1), dict.__contains__(D(z=1), "z"))
for call in [lambda: str.upper(1), lambda: dict.keys([]), lambda: int.bit_length(1.5), lambda: list.append((), 1), lambda: set.add(frozenset(), 1), lambda: str.join(1, [])]:
    try:
        call()
    except TypeError as ex:
        print("TypeError:", ex)
