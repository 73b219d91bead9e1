def mandelbrot(c, max_iter=50):
    z = 0j
    for n in range(max_iter):
        z = z * z + c
        if abs(z) > 2.0:
            return n
    return max_iter


rows = []
for y in range(-12, 13):
    line = ""
    for x in range(-39, 20):
        c = complex(x / 20.0, y / 10.0)
        n = mandelbrot(c)
        line += " .:-=+*#%@"[min(n, 49) // 5]
    rows.append(line)
print("\n".join(rows))
print(mandelbrot(complex(-0.5, 0.5)), mandelbrot(0.3 + 0.5j))
