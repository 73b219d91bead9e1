"""dataclasses for PySharp (pure Python, the common subset)."""

MISSING = type('_MISSING_TYPE', (), {'__repr__': lambda self: 'MISSING'})()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata or {}
        self.kw_only = kw_only

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    return tuple(f for f in class_or_instance.__dataclass_fields__.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, asdict(getattr(obj, f.name), dict_factory=dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(asdict(v, dict_factory=dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((asdict(k, dict_factory=dict_factory), asdict(v, dict_factory=dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple(astuple(getattr(obj, f.name)) for f in fields(obj))
    if isinstance(obj, (list, tuple)):
        return type(obj)(astuple(v) for v in obj)
    return obj


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields_ = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields:
            for f in base_fields.values():
                fields_[f.name] = f
    ann = cls.__dict__.get('__annotations__', {})
    for name, tp in ann.items():
        if 'ClassVar' in repr_type(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError(f'mutable default {type(default)} for field {name} is not allowed: use default_factory')
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        fields_[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = fields_
    flist = list(fields_.values())
    globs = {'MISSING': MISSING, '__dataclass_builtins_object__': object}
    if init:
        args = []
        kwargs = []
        body = []
        seen_default = False
        for f in flist:
            if not f.init:
                if f.default_factory is not MISSING:
                    globs[f'_dflt_{f.name}'] = f.default_factory
                    body.append(f'    _set(self, {f.name!r}, _dflt_{f.name}())')
                elif f.default is not MISSING:
                    globs[f'_dflt_{f.name}'] = f.default
                    body.append(f'    _set(self, {f.name!r}, _dflt_{f.name})')
                continue
            if f.default_factory is not MISSING:
                globs[f'_dflt_{f.name}'] = f.default_factory
                a = f'{f.name}=MISSING'
                body.append(f'    _set(self, {f.name!r}, _dflt_{f.name}() if {f.name} is MISSING else {f.name})')
            elif f.default is not MISSING:
                globs[f'_dflt_{f.name}'] = f.default
                a = f'{f.name}=_dflt_{f.name}'
                body.append(f'    _set(self, {f.name!r}, {f.name})')
            else:
                if seen_default and not f.kw_only:
                    raise TypeError(f'non-default argument {f.name!r} follows default argument')
                a = f.name
                body.append(f'    _set(self, {f.name!r}, {f.name})')
            if f.kw_only:
                kwargs.append(a)
            else:
                if '=' in a:
                    seen_default = True
                args.append(a)
        if hasattr(cls, '__post_init__'):
            body.append('    self.__post_init__()')
        if not body:
            body.append('    pass')
        params = ', '.join(['self'] + args + (['*'] + kwargs if kwargs else []))
        globs['_set'] = object.__setattr__ if frozen else (lambda self, n, v: setattr(self, n, v))
        src = f'def __init__({params}):\n' + '\n'.join(body)
        exec(src, globs)
        fn = globs['__init__']
        fn.__qualname__ = f'{cls.__qualname__}.__init__'
        cls.__init__ = fn
    if repr and '__repr__' not in cls.__dict__:
        rf = [f.name for f in flist if f.repr]

        def __repr__(self):
            return f"{type(self).__qualname__}(" + ', '.join(f'{n}={getattr(self, n)!r}' for n in rf) + ')'
        __repr__.__qualname__ = f'{cls.__qualname__}.__repr__'
        cls.__repr__ = __repr__
    cf = [f.name for f in flist if f.compare]

    def _tuple(self):
        return tuple(getattr(self, n) for n in cf)
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple(self) == _tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        def mk(op):
            def f(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple(self), _tuple(other))
                return NotImplemented
            return f
        cls.__lt__ = mk(lambda a, b: a < b)
        cls.__le__ = mk(lambda a, b: a <= b)
        cls.__gt__ = mk(lambda a, b: a > b)
        cls.__ge__ = mk(lambda a, b: a >= b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(_tuple(self))
    elif eq and '__hash__' not in cls.__dict__ or cls.__dict__.get('__hash__', MISSING) is None:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in flist if f.init and not f.kw_only)
    return cls


def repr_type(tp):
    return tp if isinstance(tp, str) else repr(tp)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)
