text = """the quick brown fox jumps over the lazy dog the fox
and the dog sleep while the quick brown fox runs"""
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print({w: len(w) for w in sorted(set(text.split())) if len(w) > 4})
lines = text.splitlines()
print(len(lines), [len(l.split()) for l in lines], max(text.split(), key=len))
from collections import Counter
print(Counter(text.split()).most_common(3), sum(1 for c in text if c in "aeiou"))
