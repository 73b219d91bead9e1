n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while done")
for i in range(3):
    if i == 10:
        break
else:
    print("for else runs")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print("i", i)
count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
for x in []:
    print("never")
else:
    print("empty else")
for i, ch in enumerate("abc"):
    for j in range(2):
        if j == 1 and ch == "b":
            break
        print(i, ch, j)
