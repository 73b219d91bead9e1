class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self): return self._balance
    def deposit(self, amt):
        if amt <= 0: raise ValueError("amount must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(f"{self.owner} has only {self._balance}")
        self._balance -= amt
        self.history.append(("wd", amt))
        return self
    def __repr__(self): return f"Account({self.owner!r}, {self._balance})"
class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self.deposit(round(self._balance * self.interest, 2))
a = Account("ann", 100).deposit(50).withdraw(30)
s = Savings("sam", 1000); s.add_interest()
print(a, a.history, s, s.balance, Savings.interest, Account.interest)
for amt in (-5, 10_000):
    try:
        a.deposit(amt) if amt < 0 else a.withdraw(amt)
    except (ValueError, InsufficientFunds) as e:
        print(type(e).__name__, e)
