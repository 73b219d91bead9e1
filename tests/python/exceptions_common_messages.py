# Messages of common runtime errors (operands, calls, lookups, unpacking, conversions, formatting)
PG = globals()
cases = r'''
1 + "a"
"a" + 1
[] + ()
len(5)
(1).foo
def f(a, b): pass
f(1)
f(1, 2, 3)
f(1, c=2)
f(1, 2, b=3)
int("x", 99)
[1][5]
{}["k"]
{}.pop("k")
[].pop()
"abc".index("z")
[1].index(2)
(1, 2).index(5)
x, y = [1, 2, 3]
x, y, z = [1, 2]
a, = []
1 / 0
1 // 0
1 % 0
2.0 / 0
10 ** -1 % 0
int(None)
float([])
hash([])
{[]: 1}
set([[1]])
iter(5)
next(iter([]))
import nonexistent_mod
"a" * "b"
-"a"
~1.5
abs("x")
sorted([1, "a"])
max([])
1 < "a"
object().x = 1
del undefined_thing
chr(1114112)
range(1, 2, 0)
"{}".format()
"{0} {2}".format(1, 2)
"%d" % "x"
"%s %s" % (1,)
int("1" * 5000)
[].sort(key=1)
str.join(",", [1, 2])
",".join([1])
bytes("x")
b"a" + "b"
memoryview(1)
getattr(1, 2)
setattr(1, "x", 1)
isinstance(1, 1)
issubclass(1, int)
super()
type("X", 1, {})
class C: pass
C(1)
print(end=1)
round("x")
divmod(1, 0)
pow(0, -1)
list(1)
tuple(None)
dict([1])
dict([(1, 2, 3)])
frozenset().add
{1}.remove(2)
[].remove(1)
open()
compile("x", "f", "bad")
eval(1)
exec("def")
'''
for src in cases.strip().split("\n"):
    try:
        exec(src, PG)
    except BaseException as e:
        print(src[:30].ljust(30), "|", type(e).__name__, "|", e)
