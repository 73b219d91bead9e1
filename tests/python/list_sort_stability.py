records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[0]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1]))
words = "The quick brown fox Jumps over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1.5, 2, True, 0.5]), sorted("hello world"), sorted({3: 1, 1: 2}))
nums = [5, -3, 2, -8, 7]
nums.sort(key=abs); print(nums)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
