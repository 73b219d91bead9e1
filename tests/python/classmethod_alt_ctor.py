class Date:
    def __init__(self, y, m, d): self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y): return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self): return f"{type(self).__name__}({self.y}, {self.m:02d}, {self.d:02d})"
class MyDate(Date): pass
print(Date.parse("2024-03-05"), MyDate.parse("1999-12-31"), Date.is_leap(2000), Date.is_leap(1900), MyDate.is_leap(2024))
