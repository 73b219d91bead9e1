s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s)
s.add(4); s.discard(1); s.discard(100); print(s)
s.remove(2); print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, a.issuperset({1}), a.isdisjoint({7}))
print(set("hello") == set("olleh"), sorted(set("mississippi")), set(), frozenset([1, 2]))
f = frozenset([1, 2]); print(f | {3}, hash(f) == hash(frozenset([2, 1])), {f: 1}[frozenset({1, 2})])
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print({x % 4 for x in range(10)}, {10, 20, 30}, {-1, -2, 5})
u = set(); u.update([1, 2], (3,)); print(u, u.pop() in {1, 2, 3})
print(set([100, 5, 33, 17, 8]), {"only"})
