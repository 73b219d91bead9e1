"""functools for PySharp (pure Python)."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return f"functools.partial({', '.join(parts)})"

    def __get__(self, obj, objtype=None):
        return self


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return f"CacheInfo(hits={self[0]}, misses={self[1]}, maxsize={self[2]}, currsize={self[3]})"


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (object,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return lru_cache(128, typed)(maxsize)

    def decorating_function(user_function):
        cache = {}
        stats = [0, 0]

        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            if key in cache:
                stats[0] += 1
                value = cache.pop(key)
                cache[key] = value
                return value
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)
    return decorating_function


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


def total_ordering(cls):
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__') if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    if '__lt__' in roots:
        root = '__lt__'
        derived = {
            '__gt__': lambda self, other: _not_op(other.__lt__(self)) if False else _gt_from_lt(self, other),
            '__le__': lambda self, other: _le_from_lt(self, other),
            '__ge__': lambda self, other: _ge_from_lt(self, other),
        }
    elif '__le__' in roots:
        derived = {
            '__ge__': lambda self, other: _ge_from_le(self, other),
            '__lt__': lambda self, other: _lt_from_le(self, other),
            '__gt__': lambda self, other: _gt_from_le(self, other),
        }
    elif '__gt__' in roots:
        derived = {
            '__lt__': lambda self, other: _lt_from_gt(self, other),
            '__ge__': lambda self, other: _ge_from_gt(self, other),
            '__le__': lambda self, other: _le_from_gt(self, other),
        }
    else:
        derived = {
            '__le__': lambda self, other: _le_from_ge(self, other),
            '__gt__': lambda self, other: _gt_from_ge(self, other),
            '__lt__': lambda self, other: _lt_from_ge(self, other),
        }
    for name, fn in derived.items():
        if name not in roots:
            fn.__name__ = name
            setattr(cls, name, fn)
    return cls


def _not_op(r):
    return r if r is NotImplemented else not r


def _gt_from_lt(self, other):
    op = self.__lt__(other)
    if op is NotImplemented:
        return op
    return not op and self != other


def _le_from_lt(self, other):
    op = self.__lt__(other)
    if op is NotImplemented:
        return op
    return op or self == other


def _ge_from_lt(self, other):
    return _not_op(self.__lt__(other))


def _ge_from_le(self, other):
    op = self.__le__(other)
    if op is NotImplemented:
        return op
    return not op or self == other


def _lt_from_le(self, other):
    op = self.__le__(other)
    if op is NotImplemented:
        return op
    return op and self != other


def _gt_from_le(self, other):
    return _not_op(self.__le__(other))


def _lt_from_gt(self, other):
    op = self.__gt__(other)
    if op is NotImplemented:
        return op
    return not op and self != other


def _ge_from_gt(self, other):
    op = self.__gt__(other)
    if op is NotImplemented:
        return op
    return op or self == other


def _le_from_gt(self, other):
    return _not_op(self.__gt__(other))


def _le_from_ge(self, other):
    op = self.__ge__(other)
    if op is NotImplemented:
        return op
    return not op or self == other


def _gt_from_ge(self, other):
    op = self.__ge__(other)
    if op is NotImplemented:
        return op
    return op and self != other


def _lt_from_ge(self, other):
    return _not_op(self.__ge__(other))


def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        val = self.func(instance)
        instance.__dict__[self.attrname] = val
        return val


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            f = cls
            cls = list(f.__annotations__.values())[0]
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
