x, y = 3, 4.5
name = "Ada"
print(f"{x} {y} {name!r} {name!s} {x + y = }")
print(f"{x:05d} {y:8.3f} {name:>10} {name:<10}| {name:^10}|")
print(f"{'nested'} {x if x > 2 else y} {[i for i in range(3)]} {dict(a=1)}")
width = 7
print(f"{y:{width}.2f}|{x:#x} {x:b} {255:#o} {1234567:,} {1234567:_}")
print(f"{{literal}} {x}{{}}", f"{3.14159:.2%}", f"{-5:+d} {5:+d} {5: d}")
print(f"{'a' 'b'}", f"""triple {x}""", rf"raw\n{x}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items)=}", f"{items[0].upper()}")
print(f"{1e-10:.3e} {123.456:g} {0.000012345:g} {1e20:g} {100:e}")
