import gc
class Cycle:
    def __init__(self): self.other = None
a, b = Cycle(), Cycle()
a.other, b.other = b, a
del a, b
n = gc.collect()
print(isinstance(n, int), gc.isenabled())
gc.disable(); gc.enable()
print("gc ok")
