a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) != id(c))
x = 256; y = 256
print(x is y, x == y)
s1 = "hello"; s2 = "hel" + "lo"
print(s1 == s2)
print(None is None, () is (), [] == [], {} == {})
class E:
    def __eq__(self, o): return True
print(E() == 1, E() != 1, 1 == E(), E() in [1], [E()] == [2])
class NE:
    def __ne__(self, o): return False
print(NE() != NE(), NE() == NE())
