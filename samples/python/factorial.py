def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


for n in (0, 1, 5, 20, 21, 50, 100):
    print(n, factorial(n))
print(len(str(factorial(500))))
