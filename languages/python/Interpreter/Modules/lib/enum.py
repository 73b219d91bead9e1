"""enum for PySharp (pure Python, the common subset)."""


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None


class _EnumDict(dict):
    def __init__(self):
        super().__init__()
        self._member_names = []
        self._last_value = None

    def __setitem__(self, key, value):
        if key.startswith('_') or callable(value) and not isinstance(value, auto) or isinstance(value, (staticmethod, classmethod, property)):
            super().__setitem__(key, value)
            return
        if key in self._member_names:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        self._member_names.append(key)
        super().__setitem__(key, value)


class EnumMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return _EnumDict()

    def __new__(mcls, name, bases, classdict, **kw):
        member_names = getattr(classdict, '_member_names', [])
        values = {k: classdict[k] for k in member_names}
        ns = {k: v for k, v in classdict.items() if k not in member_names}
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_names_ = []
        base_type = None
        for b in cls.__mro__[1:]:
            if b is not object and not isinstance(b, EnumMeta):
                base_type = b
                break
        last = 0
        gnv = getattr(cls, '_generate_next_value_', None)
        for i, key in enumerate(member_names):
            value = values[key]
            if isinstance(value, auto):
                if gnv is not None and not getattr(gnv, '_pysharp_default', False):
                    value = gnv(key, 1, i, [cls._member_map_[n]._value_ for n in cls._member_names_])
                else:
                    value = last + 1 if isinstance(last, int) else 1
            if value in cls._value2member_map_:
                canonical = cls._value2member_map_[value]
                cls._member_map_[key] = canonical
                type.__setattr__(cls, key, canonical)
                continue
            if base_type is not None:
                args = value if isinstance(value, tuple) else (value,)
                member = base_type.__new__(cls, *args)
            else:
                member = object.__new__(cls)
            member._name_ = key
            member._value_ = value
            if '__init__' in ns:
                member.__init__(*(value if isinstance(value, tuple) else (value,)))
            cls._member_map_[key] = member
            cls._value2member_map_[value] = member
            cls._member_names_.append(key)
            type.__setattr__(cls, key, member)
            if isinstance(value, int):
                last = value
        return cls

    def __call__(cls, value, *args, **kw):
        if args or kw:
            return _functional(cls, value, *args, **kw)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"


def _functional(cls, name, names, **kw):
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if names and isinstance(names[0], str):
        names = [(n, i) for i, n in enumerate(names, 1)]
    ns = _EnumDict()
    for k, v in (names.items() if isinstance(names, dict) else names):
        ns[k] = v
    return EnumMeta(name, (cls,), ns)


class Enum(metaclass=EnumMeta):
    def __init_subclass__(cls, **kw):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start
    _generate_next_value_._pysharp_default = True

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class IntEnum(int, Enum):
    __repr__ = Enum.__repr__
    __hash__ = int.__hash__

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class StrEnum(str, Enum):
    __repr__ = Enum.__repr__
    __hash__ = str.__hash__

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    def __or__(self, other):
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)(self._value_ & other._value_)

    @classmethod
    def _missing_(cls, value):
        member = object.__new__(cls)
        member._name_ = '|'.join(m._name_ for m in cls if m._value_ & value)
        member._value_ = value
        return member


class IntFlag(int, Flag):
    pass


def unique(enumeration):
    return enumeration
