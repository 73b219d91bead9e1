data = [1, 5, 3, 8, 2]
if (n := len(data)) > 3:
    print("long", n)
filtered = [y for x in data if (y := x * 2) > 5]
print(filtered, y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
