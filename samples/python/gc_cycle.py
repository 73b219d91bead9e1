import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("finalizing", self.name)


n = Node("cycle")
print(n.me is n, n.me.me.name)
del n
gc.collect()
print("after collect")
