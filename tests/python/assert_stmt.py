try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("empty", repr(e))
assert True
x = [1]
assert x, "nonempty"
print("ok")
assert len(x) == 2, f"len is {len(x)}"
