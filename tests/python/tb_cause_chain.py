class E1(Exception): pass
class E2(Exception): pass
try:
    raise E1('low level')
except E1 as e:
    raise E2('high level') from e
