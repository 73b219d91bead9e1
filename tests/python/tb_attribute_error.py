class P:
    pass
p = P()
p.name = 'x'
print(p.name)
print(p.age)
