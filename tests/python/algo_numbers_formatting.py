rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<10}{'price':>8}{'qty':>5}{'total':>9}")
for name, price, qty in rows:
    print(f"{name:<10}{price:>8.2f}{qty:>5d}{price * qty:>9.2f}")
print("-" * 32)
print(f"{'sum':<10}{sum(p * q for _, p, q in rows):>22.2f}")
for n in [0, 7, 255, 1024, 65535]:
    print(f"{n:>6} {n:08b} {n:o} {n:x} {n:#X}")
for v in [0.1, 1 / 3, 2 / 3, 1e-4, 123456.789, 1e21]:
    print(v, f"{v:.3g}", f"{v:.2e}", round(v, 3))
