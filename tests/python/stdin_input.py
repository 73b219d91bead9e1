name = input()
age = int(input("Age? "))
print(f"hello {name}, next year {age + 1}")
import sys
rest = sys.stdin.read()
print(rest.split())
try:
    input()
except EOFError as e:
    print("EOF", e)
