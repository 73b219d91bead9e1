"""copy for PySharp (pure Python)."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, tuple, frozenset, type, range, type(None)) or callable(x) and not hasattr(x, '__dict__'):
        return x
    cp = getattr(cls, "__copy__", None)
    if cp is not None:
        return cp(x)
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if isinstance(x, dict):
        y = cls.__new__(cls)
        y.update(x)
        if hasattr(x, '__dict__'):
            y.__dict__.update(x.__dict__)
        return y
    if isinstance(x, list):
        y = cls.__new__(cls)
        y.extend(x)
        return y
    y = cls.__new__(cls)
    if hasattr(x, '__dict__'):
        y.__dict__.update(x.__dict__)
    else:
        for name in getattr(cls, '__slots__', ()):
            if hasattr(x, name):
                setattr(y, name, getattr(x, name))
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, type, range, type(None)) or (callable(x) and not hasattr(x, '__dict__')) or cls.__name__ == 'function':
        return x
    dc = getattr(cls, "__deepcopy__", None)
    if dc is not None:
        y = dc(x, memo)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        if isinstance(x, tuple):
            y = cls.__new__(cls, tuple(deepcopy(a, memo) for a in x))
            memo[d] = y
            return y
        y = cls.__new__(cls)
        memo[d] = y
        if isinstance(x, dict):
            for k, v in x.items():
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        if isinstance(x, list):
            for a in x:
                y.append(deepcopy(a, memo))
        if hasattr(x, '__dict__'):
            for k, v in x.__dict__.items():
                setattr(y, k, deepcopy(v, memo))
        else:
            for name in getattr(cls, '__slots__', ()):
                if hasattr(x, name):
                    setattr(y, name, deepcopy(getattr(x, name), memo))
    memo[d] = y
    return y
