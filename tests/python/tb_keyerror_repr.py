import collections
d = collections.defaultdict(int)
d['x'] += 1
print(dict(d))
{}[('a', 1)]
