l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); l.extend([3, 5]); l.insert(0, 0)
print(l, len(l), l.count(5), l.index(4))
print(l.pop(), l.pop(0), l)
l.remove(1)
print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l)
print(sorted(["bb", "a", "ccc"], key=len), sorted([(1, "b"), (1, "a"), (0, "z")]))
words = ["apple", "Banana", "cherry"]
print(sorted(words, key=str.lower), sorted(words, key=lambda w: -len(w)))
m = [1, 2, 3, 4, 5]
print(m[1:3], m[:-2], m[::2], m[::-1], m[10:], m[-100:2])
m[1:3] = [20, 30, 40]; print(m)
m[::2] = [0, 0, 0]; print(m)
del m[1]; print(m)
del m[::2]; print(m)
print([1, 2] + [3], [0] * 3, [[]] * 2, 3 in [1, 2, 3], [1, 2] == [1, 2], [1, 2] < [1, 3])
c = m.copy(); c.append(99); print(m, c)
c.clear(); print(c)
nested = [[1, 2], [3]]
print(nested, [x for sub in nested for x in sub])
print(list(range(5)), list("abc"), list((1, 2)), list({1: 2}))
a = [1, 2, 3]
a += [4]; a *= 2; print(a)
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(reversed([1, 2, 3])))
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    [1].remove(7)
except ValueError as e:
    print(e)
print([5, 3, 8].index(8), max([1, 9, 3]), min(["b", "a"]))
