def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(not t(""))
x = t([]) or t(None) or t("last")
print(x)
print(t(1) and t(0) or t("fallback"))
