class BST:
    def __init__(self): self.root = None
    def insert(self, k):
        def ins(node, k):
            if node is None: return [k, None, None]
            if k < node[0]: node[1] = ins(node[1], k)
            else: node[2] = ins(node[2], k)
            return node
        self.root = ins(self.root, k)
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n[1]); out.append(n[0]); walk(n[2])
        walk(self.root)
        return out
    def height(self, n="root"):
        if n == "root": n = self.root
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35]:
    t.insert(k)
print(t.inorder(), t.height())
