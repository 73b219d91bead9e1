class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k): print("get", k); return self.d[k]
    def __setitem__(self, k, v): print("set", k, v); self.d[k] = v
    def __delitem__(self, k): print("del", k); del self.d[k]
    def __contains__(self, k): print("contains", k); return k in self.d
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(sorted(self.d))
m = M()
m["a"] = 1
m["a"] += 10
print(m["a"], "a" in m, "z" in m, len(m), list(m))
del m["a"]
try:
    m["missing"]
except KeyError as e:
    print("KeyError", e)
m[1:3] = "slice"
print(m[1:3])
