g = {"x": 10}
l = {}
exec("y = x * 2\nz = y + 1", g, l)
print(sorted(l.items()), "y" in g)
print(eval("x + y", g, l), eval("[a * 2 for a in range(3)]"), eval("len(s)", {"s": "abc"}))
code = compile("result = 6 * 7", "<s>", "exec")
ns = {}
exec(code, ns)
print(ns["result"])
def make():
    local_var = 5
    return eval("local_var + 1")
print(make())
src = """
def helper(n):
    return n * n
value = helper(9)
"""
mod = {}
exec(src, mod)
print(mod["value"], mod["helper"](3))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError")
