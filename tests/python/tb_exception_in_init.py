class A:
    def __init__(self, v):
        if v < 0:
            raise ValueError('negative')
        self.v = v
A(1)
A(-1)
