#!/usr/bin/env python3
"""Writes this folder's generated Brainfuck examples: hello.b and sum.b.

sum.b prints the sum of i over all pairs (i, j) with 1 <= i, j <= K, that is
K*K*(K+1)/2, counting one decimal unit at a time in cells that hold digits.
"""
import sys

K = 150          # 1,698,750: seven digits, a few seconds untranslated
DIGITS = 7


class Asm:
    def __init__(self):
        self.out, self.pos = [], 0

    def at(self, cell):
        d = cell - self.pos
        self.out.append(">" * d if d > 0 else "<" * -d)
        self.pos = cell

    def add(self, cell, n):
        self.at(cell)
        self.out.append("+" * n if n > 0 else "-" * -n)

    def clear(self, cell):
        self.at(cell)
        self.out.append("[-]")

    def loop(self, cell, body):
        """while cell: body() -- body must end with the head anywhere; we return to cell."""
        self.at(cell)
        self.out.append("[")
        body()
        self.at(cell)
        self.out.append("]")

    def move(self, src, *dsts):
        def body():
            self.add(src, -1)
            for d in dsts:
                self.add(d, 1)
        self.loop(src, body)

    def copy(self, src, dst, tmp):
        self.move(src, dst, tmp)
        self.move(tmp, src)

    def text(self):
        return "".join(self.out)


def hello():
    a, prev, parts = Asm(), 0, []
    for ch in "Hello, World!\n":
        d = ord(ch) - prev
        q, r = divmod(abs(d), 8)
        sign = "+" if d > 0 else "-"
        if q:
            parts.append(">" + "+" * 8 + "[<" + sign * q + ">-]<")
        parts.append(sign * r + ".")
        prev = ord(ch)
    return "Prints a greeting\n" + "".join(parts) + "\n"


def sum_program():
    a = Asm()
    i, j, n, t, tmp, flag, tmp2 = 0, 1, 2, 3, 4, 5, 6
    digit = [10 + k for k in range(DIGITS)]      # digit[0] is the ones

    def increment():
        a.add(digit[0], 1)
        for k in range(DIGITS - 1):
            # flag = (digit[k] == 10); if so, digit[k] = 0 and carry.
            a.copy(digit[k], t, tmp)
            a.add(t, -10)
            a.add(flag, 1)

            def not_ten():
                a.add(flag, -1)
                a.add(t, 10)
                a.clear(t)
            a.loop(t, not_ten)

            def carry():
                a.add(flag, -1)
                a.add(digit[k], -10)
                a.add(digit[k + 1], 1)
            a.loop(flag, carry)

    def inner():
        a.add(j, -1)
        a.copy(i, n, tmp2)
        a.loop(n, lambda: (a.add(n, -1), increment()))

    def outer():
        a.add(j, K)
        a.loop(j, inner)
        a.add(i, -1)

    a.add(i, K)
    a.loop(i, outer)
    for k in reversed(range(DIGITS)):
        a.add(digit[k], 48)
        a.at(digit[k])
        a.out.append(".")
    a.add(t, 10)
    a.at(t)
    a.out.append(".")
    body = a.text()
    lines = [body[x:x + 72] for x in range(0, len(body), 72)]
    return f"Prints K times K times K plus 1 halved for K equal to {K} by counting in decimal digit cells\n" + "\n".join(lines) + "\n"


if __name__ == "__main__":
    here = sys.path[0]
    with open(f"{here}/hello.b", "w") as f:
        f.write(hello())
    with open(f"{here}/sum.b", "w") as f:
        f.write(sum_program())
