d = {}
for k in "zyxwv":
    d[k] = ord(k)
print(d, list(d))
del d["x"]; d["x"] = 0
print(list(d.items()))
d2 = dict.fromkeys(range(5), "v")
d2.pop(2); d2[2] = "back"
print(d2)
big = {i: i * i for i in range(20)}
for i in range(0, 20, 3):
    del big[i]
print(list(big)[:8], len(big), sum(big.values()))
print({(1, 2): "t", 3.5: "f", None: "n", "s": "str"})
print(dict(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1])))
