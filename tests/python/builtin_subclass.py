class MyList(list):
    def sum(self): return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), type(ml).__name__, isinstance(ml, list), ml[1:3])
class MyDict(dict):
    def __missing__(self, key): return f"missing:{key}"
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), list(md.keys()))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hey")
print(s.shout(), s + "x", len(s), isinstance(s, str), s == "hey")
class MyInt(int):
    def double(self): return self * 2
i = MyInt(21)
print(i.double(), i + 1, type(i + 1).__name__, i > 20, hash(i) == hash(21))
class Stack(list):
    push = list.append
    def peek(self): return self[-1]
st = Stack(); st.push(1); st.push(2)
print(st.peek(), st.pop(), st)
