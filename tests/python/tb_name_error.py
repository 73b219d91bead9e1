def f():
    return undefined_variable * 2
f()
