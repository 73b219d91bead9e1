class Bag:
    def __init__(self): self.items = {}
    def __setitem__(self, k, v): self.items[k] = v
    def __getitem__(self, k):
        if isinstance(k, slice):
            return list(self.items.values())[k]
        return self.items[k]
    def __delitem__(self, k): del self.items[k]
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
    def __contains__(self, k): return k in self.items
    def __reversed__(self): return reversed(list(self.items))
b = Bag()
b["a"] = 1; b["b"] = 2; b["c"] = 3
print(b["a"], len(b), list(b), "b" in b, b[0:2], list(reversed(b)))
del b["a"]
print(list(b), bool(b))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)))
