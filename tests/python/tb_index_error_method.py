class S:
    def __init__(self):
        self.items = []
    def top(self):
        return self.items[-1]
S().top()
