"""A minimal typing for PySharp: names exist and subscripting works; no runtime checks."""


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return _Alias(self._name, params)

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __or__(self, other):
        return _Alias('Union', (self, other))

    def __ror__(self, other):
        return _Alias('Union', (other, self))

    def __mro_entries__(self, bases):
        return (object,)


class _Alias(_Special):
    def __init__(self, name, params):
        super().__init__(name)
        self.__args__ = params if isinstance(params, tuple) else (params,)

    def __repr__(self):
        return f"typing.{self._name}[{', '.join(_r(a) for a in self.__args__)}]"


def _r(a):
    if isinstance(a, type):
        return a.__name__ if a.__module__ == 'builtins' else f'{a.__module__}.{a.__qualname__}'
    return repr(a)


Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Tuple = _Special('Tuple')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
Type = _Special('Type')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Literal = _Special('Literal')
Deque = _Special('Deque')
DefaultDict = _Special('DefaultDict')
Counter = _Special('Counter')
NoReturn = _Special('NoReturn')
Self = _Special('Self')
Annotated = _Special('Annotated')
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


class NamedTuple:
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    return dict(getattr(obj, '__annotations__', {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type
