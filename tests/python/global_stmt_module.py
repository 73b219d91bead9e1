total = 0
items = []
def add(x):
    global total
    total += x
    items.append(x)
def reset():
    global total, items
    total = 0
    items = []
for i in range(5):
    add(i)
print(total, items)
reset()
print(total, items)
def define_new():
    global brand_new
    brand_new = "created"
define_new()
print(brand_new)
