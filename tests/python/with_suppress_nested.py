class Res:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("open", self.n); return self
    def __exit__(self, *exc):
        print("close", self.n, exc[0].__name__ if exc[0] else None)
        return False
try:
    with Res(1) as a, Res(2) as b:
        with Res(3):
            raise RuntimeError("deep")
except RuntimeError as e:
    print("handled", e)
def early():
    with Res("r"):
        for i in range(3):
            if i == 1:
                return i
print(early())
