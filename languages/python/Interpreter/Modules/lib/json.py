"""json for PySharp (pure Python: dumps/loads with the common options)."""


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__(f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg, self.doc, self.pos, self.lineno, self.colno = msg, doc, pos, lineno, colno


_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ch < ' ' or (ensure_ascii and ord(ch) > 126):
            n = ord(ch)
            if n > 0xFFFF:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float_repr(f):
    if f != f:
        return 'NaN'
    if f == float('inf'):
        return 'Infinity'
    if f == float('-inf'):
        return '-Infinity'
    return repr(f)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if separators is None:
        item_sep, key_sep = (', ', ': ') if indent is None else (',', ': ')
    else:
        item_sep, key_sep = separators
    if isinstance(indent, int):
        indent = ' ' * indent

    def enc(o, level):
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, str):
            return _encode_str(o, ensure_ascii)
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float_repr(o)
        if isinstance(o, (list, tuple)):
            if not o:
                return '[]'
            if indent is None:
                return '[' + item_sep.join(enc(v, level) for v in o) + ']'
            inner = '\n' + indent * (level + 1)
            return '[' + inner + (item_sep + inner).join(enc(v, level + 1) for v in o) + '\n' + indent * level + ']'
        if isinstance(o, dict):
            if not o:
                return '{}'
            items = sorted(o.items()) if sort_keys else list(o.items())
            parts = []
            for k, v in items:
                if isinstance(k, str):
                    ks = k
                elif isinstance(k, bool) or k is None:
                    ks = {True: 'true', False: 'false', None: 'null'}[k]
                elif isinstance(k, (int, float)):
                    ks = _float_repr(k) if isinstance(k, float) else str(k)
                elif skipkeys:
                    continue
                else:
                    raise TypeError(f'keys must be str, int, float, bool or None, not {type(k).__name__}')
                parts.append(_encode_str(ks, ensure_ascii) + key_sep + enc(v, level + 1 if indent is not None else level))
            if indent is None:
                return '{' + item_sep.join(parts) + '}'
            inner = '\n' + indent * (level + 1)
            return '{' + inner + (item_sep + inner).join(parts) + '\n' + indent * level + '}'
        if default is not None:
            return enc(default(o), level)
        raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
    return enc(obj, 0)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


class _Parser:
    def __init__(self, s, object_hook, object_pairs_hook):
        self.s = s
        self.i = 0
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook

    def ws(self):
        s, i = self.s, self.i
        while i < len(s) and s[i] in ' \t\n\r':
            i += 1
        self.i = i

    def value(self):
        self.ws()
        s, i = self.s, self.i
        if i >= len(s):
            raise JSONDecodeError('Expecting value', s, i)
        c = s[i]
        if c == '{':
            return self.obj()
        if c == '[':
            return self.arr()
        if c == '"':
            return self.string()
        if s.startswith('null', i):
            self.i += 4
            return None
        if s.startswith('true', i):
            self.i += 4
            return True
        if s.startswith('false', i):
            self.i += 5
            return False
        if s.startswith('NaN', i):
            self.i += 3
            return float('nan')
        if s.startswith('Infinity', i):
            self.i += 8
            return float('inf')
        if s.startswith('-Infinity', i):
            self.i += 9
            return float('-inf')
        j = i
        if j < len(s) and s[j] == '-':
            j += 1
        while j < len(s) and s[j].isdigit():
            j += 1
        isfloat = False
        if j < len(s) and s[j] == '.':
            isfloat = True
            j += 1
            while j < len(s) and s[j].isdigit():
                j += 1
        if j < len(s) and s[j] in 'eE':
            isfloat = True
            j += 1
            if j < len(s) and s[j] in '+-':
                j += 1
            while j < len(s) and s[j].isdigit():
                j += 1
        if j == i or s[i:j] == '-':
            raise JSONDecodeError('Expecting value', s, i)
        self.i = j
        return float(s[i:j]) if isfloat else int(s[i:j])

    def string(self):
        s = self.s
        i = self.i + 1
        out = []
        while True:
            if i >= len(s):
                raise JSONDecodeError('Unterminated string starting at', s, self.i)
            c = s[i]
            if c == '"':
                break
            if c == '\\':
                i += 1
                e = s[i]
                if e == 'u':
                    n = int(s[i + 1:i + 5], 16)
                    i += 4
                    if 0xD800 <= n < 0xDC00 and s[i + 1:i + 3] == '\\u':
                        m = int(s[i + 3:i + 7], 16)
                        n = 0x10000 + ((n - 0xD800) << 10) + (m - 0xDC00)
                        i += 6
                    out.append(chr(n))
                else:
                    out.append({'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '/': '/', '\\': '\\', '"': '"'}[e])
            else:
                out.append(c)
            i += 1
        self.i = i + 1
        return ''.join(out)

    def obj(self):
        self.i += 1
        pairs = []
        self.ws()
        if self.s[self.i:self.i + 1] == '}':
            self.i += 1
        else:
            while True:
                self.ws()
                if self.s[self.i:self.i + 1] != '"':
                    raise JSONDecodeError('Expecting property name enclosed in double quotes', self.s, self.i)
                k = self.string()
                self.ws()
                if self.s[self.i:self.i + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", self.s, self.i)
                self.i += 1
                pairs.append((k, self.value()))
                self.ws()
                c = self.s[self.i:self.i + 1]
                self.i += 1
                if c == '}':
                    break
                if c != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", self.s, self.i - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        return self.object_hook(d) if self.object_hook is not None else d

    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.s[self.i:self.i + 1] == ']':
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            c = self.s[self.i:self.i + 1]
            self.i += 1
            if c == ']':
                return out
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", self.s, self.i - 1)


def loads(s, *, object_hook=None, object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode('utf-8')
    p = _Parser(s, object_hook, object_pairs_hook)
    v = p.value()
    p.ws()
    if p.i != len(s):
        raise JSONDecodeError('Extra data', s, p.i)
    return v


def load(fp, **kw):
    return loads(fp.read(), **kw)
