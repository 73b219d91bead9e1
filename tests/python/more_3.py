def annotated(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(annotated.__annotations__)
print(annotated(1, c=False, z=1))
x: int = 5
y: str
print(__annotations__, x)
class K:
    a: int = 1
    b: list
print(K.__annotations__, K.a)
