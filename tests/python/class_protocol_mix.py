# Class features together: slots, properties, operator dunders, attribute hooks, metaclass __call__, MRO errors, builtin subclasses, dataclass/enum/namedtuple
PG = globals()
cases = [
"class A:\n    __slots__ = ('x',)\na = A(); a.x = 1\ntry: a.y = 2\nexcept AttributeError as e: print(e)\nprint(a.x, hasattr(a, '__dict__'))",
"class P:\n    @property\n    def v(self): return 1\ntry: P().v = 2\nexcept AttributeError as e: print(e)",
"class P:\n    @property\n    def v(self): return 1\n    @v.setter\n    def v(self, x): print('set', x)\n    @v.deleter\n    def v(self): print('del')\np = P(); p.v = 3; del p.v; print(P.v.__doc__, type(P.__dict__['v']))",
"class B:\n    def __init__(self): self.a = 1\n    def __repr__(self): return 'B()'\n    def __eq__(self, o): return isinstance(o, B)\nprint(B() == B(), B() != B(), B.__hash__, [B()], {'k': B()})",
"class N:\n    def __init__(self, v): self.v = v\n    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))\n    def __radd__(self, o): return N(o + self.v)\n    def __iadd__(self, o): self.v += 100; return self\n    def __lt__(self, o): return self.v < o.v\n    def __bool__(self): return self.v != 0\n    def __len__(self): return 5\nn = N(1); n += 1; print((N(1) + 2).v, (3 + N(1)).v, n.v, sum([N(1), N(2)], N(0)).v, sorted([N(3), N(1)])[0].v, bool(N(0)), len(N(1)))",
"class C:\n    def __getattr__(self, n): return n.upper()\nprint(C().foo, getattr(C(), 'bar'))",
"class C:\n    def __getattribute__(self, n): return 'ga:' + n\nprint(C().x)",
"class C:\n    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)\nc = C(); c.x = 2; print(c.x)",
"class C:\n    def __call__(self, *a): return a\n    def __getitem__(self, k): return k\n    def __contains__(self, x): return x == 1\n    def __iter__(self): return iter([1, 2])\nc = C(); print(c(1, 2), c[1:2, 3], 1 in c, 2 in c, list(c), [*c])",
"class C:\n    def __enter__(self): print('enter'); return 5\n    def __exit__(self, t, v, tb): print('exit', t.__name__ if t else None); return True\nwith C() as v:\n    print(v); raise ValueError\nprint('after')",
"class M(type):\n    def __call__(cls, *a): print('meta call'); return super().__call__(*a)\nclass K(metaclass=M):\n    def __init__(self, x): self.x = x\nprint(K(3).x, type(K).__name__)",
"class A:\n    def f(self): return 'A'\nclass B(A):\n    def f(self): return 'B' + super().f()\nclass C(A):\n    def f(self): return 'C' + super().f()\nclass D(B, C):\n    def f(self): return 'D' + super().f()\nprint(D().f(), [k.__name__ for k in D.__mro__])",
"class A: pass\nclass B: pass\ntry:\n    class C(A, B, A): pass\nexcept TypeError as e: print(e)",
"class X(int):\n    def __new__(cls, v): return super().__new__(cls, v * 2)\nprint(X(3), X(3) + 1, type(X(3) + 1).__name__, isinstance(X(1), int))",
"class L(list):\n    def append(self, x): super().append(x * 10)\nl = L([1]); l.append(2); print(l, len(l), type(l[:1]).__name__)",
"class D(dict):\n    def __missing__(self, k): return k * 2\nprint(D()['ab'], D(a=1)['a'])",
"class S(str):\n    pass\ns = S('abc'); print(s.upper(), type(s.upper()).__name__, s + 'd', repr(s), s == 'abc', hash(s) == hash('abc'))",
"from functools import total_ordering\n@total_ordering\nclass T:\n    def __init__(self, v): self.v = v\n    def __eq__(self, o): return self.v == o.v\n    def __lt__(self, o): return self.v < o.v\nprint(T(1) <= T(2), T(3) >= T(2))",
"class C:\n    x = 1\n    @classmethod\n    def cm(cls): return cls.x\n    @staticmethod\n    def sm(): return 'sm'\nprint(C.cm(), C().cm(), C.sm(), C().sm())",
"class C:\n    def __init_subclass__(cls, /, tag=None, **kw):\n        super().__init_subclass__(**kw); cls.tag = tag\nclass D(C, tag='t'): pass\nprint(D.tag)",
"class A:\n    def __repr__(self): return 'A!'\nprint(f'{A()!r} {A()!s} {A()}', str(A()), format(A(), ''))",
"class F:\n    def __format__(self, spec): return 'F' + spec\nprint(f'{F():xyz}', format(F(), '>3'))",
"class H:\n    def __hash__(self): return 42\n    def __eq__(self, o): return True\nprint(len({H(), H()}), hash(H()))",
"class I:\n    def __index__(self): return 2\nprint([1, 2, 3][I()], bin(I()), range(10)[I()])",
"class E(Exception):\n    def __init__(self, a, b): super().__init__(a); self.b = b\ntry: raise E(1, 2)\nexcept E as e: print(e, e.args, e.b, repr(e))",
"import abc\nclass Ab(abc.ABC):\n    @abc.abstractmethod\n    def m(self): ...\ntry: Ab()\nexcept TypeError as e: print(e)",
"from dataclasses import dataclass, field\n@dataclass(order=True, frozen=True)\nclass Pt:\n    x: int\n    y: int = 0\n    tags: list = field(default_factory=list, compare=False)\np = Pt(1, 2); print(p, p < Pt(2), hash(p) == hash(Pt(1, 2)))\ntry: p.x = 5\nexcept Exception as e: print(type(e).__name__, e)",
"from enum import Enum, auto\nclass Color(Enum):\n    RED = auto()\n    GREEN = auto()\nprint(Color.RED, Color(2), Color['GREEN'].value, list(Color), repr(Color.RED))",
"from collections import namedtuple, defaultdict, Counter, deque, OrderedDict\nP = namedtuple('P', 'x y')\nprint(P(1, 2), P(1, 2)._asdict(), Counter('abca').most_common(1), deque([1, 2], maxlen=2), defaultdict(int)['z'])",
"class G:\n    def __init__(self): self.items = [1, 2]\n    def __iter__(self):\n        yield from self.items\nprint(list(G()), sum(G()))",
"class W:\n    def __del__(self): print('del W')\nw = W(); del w; import gc; gc.collect(); print('after del')",
"class V:\n    def __eq__(self, o): return NotImplemented\nprint(V() == V(), V() == 1)",
"print(type.__name__, object.__name__, int.__qualname__, (lambda: 0).__name__, type(lambda: 0).__name__)",
"class Q:\n    '''doc'''\n    def m(self):\n        '''mdoc'''\nprint(Q.__doc__, Q.m.__doc__, Q.m.__qualname__, Q.__module__, Q.__name__, Q.__dict__['__doc__'])",
]
for src in cases:
    try:
        exec(src, PG)
    except BaseException as e:
        print("!!", src[:40].replace("\n", "|"), "->", type(e).__name__, e)
