a, b = 0, 10
steps = 0
while a < b and (b - a) % 7 != 0 or steps == 0:
    a += 1; b -= 1; steps += 1
print(a, b, steps)
x = 100
while x:
    x //= 3
    if x % 2: print("odd", x)
    else: print("even", x)
n = 27; seq = [n]
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    seq.append(n)
print(len(seq), max(seq), seq[:8])
