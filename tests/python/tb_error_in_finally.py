try:
    print('body')
finally:
    raise RuntimeError('from finally')
