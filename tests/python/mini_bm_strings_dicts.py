parts = [f"{i}:{i * 2}" for i in range(5000)]
s = ",".join(parts)
print(len(s), s[:30], s.count("7"), len(s.split(",")))
d = {}
for i in range(20000):
    d[i % 500] = d.get(i % 500, 0) + i
print(len(d), sum(d.values()), d[0], d[499])
words = {}
for i in range(10000):
    k = "k" + str(i % 100)
    words[k] = words.get(k, 0) + 1
print(len(words), words["k7"], sorted(words)[:3])
