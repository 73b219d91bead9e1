# builtin.__new__(cls) requires cls to be a subtype of the builtin.


class MyInt(int):
    pass


class MyStr(str):
    pass


print(type(int.__new__(MyInt, 5)).__name__, int.__new__(MyInt, 5) + 1, str.__new__(MyStr, "ab") * 2)
print(type(list.__new__(list)).__name__, type(tuple.__new__(tuple, [1])).__name__, float.__new__(float, "1.5"))
for call in [lambda: int.__new__(str), lambda: int.__new__(float, "1"), lambda: str.__new__(int), lambda: list.__new__(dict),
             lambda: float.__new__(int), lambda: tuple.__new__(list), lambda: dict.__new__(set), lambda: frozenset.__new__(set),
             lambda: set.__new__(frozenset), lambda: bytes.__new__(str), lambda: complex.__new__(int)]:
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
