CONSTANT = 42
loaded_count = 1
def greet(name):
    return f"hello {name}"
