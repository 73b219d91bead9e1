# CPython oracle for the PySharp.Syntax differential tests. Reads one JSON request from
# stdin: {"mode": "exec"|"eval"|"single", "items": [{"src": str} | {"path": str}],
# "hash": bool}. Prints one JSON line per item:
#   ["ok", dump-or-md5]  or  ["err", kind, msg, lineno, offset, end_lineno, end_offset]
import ast, hashlib, json, os, sys
from concurrent.futures import ProcessPoolExecutor

def fast_dump(node):
    # Same output as ast.dump(node, include_attributes=True), without its overhead.
    out = []
    app = out.append
    AST = ast.AST
    def rec(n):
        if isinstance(n, AST):
            cls = type(n)
            app(cls.__name__); app('(')
            first = True
            for name in n._fields:
                v = getattr(n, name, None)
                if v is None and getattr(cls, name, ...) is None:
                    continue
                if not first: app(', ')
                first = False
                app(name); app('=')
                rec(v)
            for name in n._attributes:
                v = getattr(n, name, None)
                if v is None:
                    continue
                if not first: app(', ')
                first = False
                app(name); app('='); app(repr(v))
            app(')')
        elif isinstance(n, list):
            app('[')
            for i, x in enumerate(n):
                if i: app(', ')
                rec(x)
            app(']')
        else:
            app(repr(n))
    rec(node)
    return ''.join(out)

def one(args):
    item, mode, want_hash = args
    try:
        if 'path' in item:
            with open(item['path'], 'rb') as f:
                src = f.read()
        else:
            src = item['src']
        tree = compile(src, 'x.py', mode, ast.PyCF_ONLY_AST, dont_inherit=True)
        if want_hash:
            d = fast_dump(tree)
            return ['ok', hashlib.md5(d.encode('utf-8', 'surrogatepass')).hexdigest()]
        return ['ok', ast.dump(tree, include_attributes=True)]
    except SyntaxError as e:
        return ['err', type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
    except (ValueError, MemoryError, RecursionError) as e:
        return ['err', type(e).__name__, str(e), 0, 0, 0, 0]

def cache_file():
    # Hashed answers for files are cached (keyed by path, size, mtime, Python version and
    # this script) so that re-running the stdlib test does not re-dump ~250 MB of ASTs.
    import tempfile
    with open(__file__, 'rb') as f:
        me = hashlib.md5(f.read()).hexdigest()[:12]
    tag = '%s-%s' % ('.'.join(map(str, sys.version_info[:3])), me)
    return os.path.join(tempfile.gettempdir(), 'pysharp-syntax-oracle-%s.json' % tag)

def file_key(item):
    st = os.stat(item['path'])
    return '%s|%d|%d' % (item['path'], st.st_size, st.st_mtime_ns)

def main():
    import warnings
    warnings.simplefilter('ignore')
    req = json.load(sys.stdin)
    mode, items, want_hash = req['mode'], req['items'], req.get('hash', False)
    use_cache = want_hash and all('path' in it for it in items)
    cache = {}
    if use_cache:
        try:
            with open(cache_file()) as f:
                cache = json.load(f)
        except (OSError, ValueError):
            cache = {}
        keys = [mode + '|' + file_key(it) for it in items]
    results = [None] * len(items)
    todo = []
    for i, it in enumerate(items):
        if use_cache and keys[i] in cache:
            results[i] = cache[keys[i]]
        else:
            todo.append(i)
    work = [(items[i], mode, want_hash) for i in todo]
    if len(work) > 200:
        with ProcessPoolExecutor(max(1, min(4, os.cpu_count() or 1))) as ex:
            fresh = list(ex.map(one, work, chunksize=16))
    else:
        fresh = [one(w) for w in work]
    for i, r in zip(todo, fresh):
        results[i] = r
        if use_cache:
            cache[keys[i]] = r
    if use_cache and todo:
        tmp = cache_file() + '.%d.tmp' % os.getpid()
        try:
            with open(tmp, 'w') as f:
                json.dump(cache, f)
            os.replace(tmp, cache_file())
        except OSError:
            pass
    out = sys.stdout
    for r in results:
        out.write(json.dumps(r, ensure_ascii=True))
        out.write('\n')

if __name__ == '__main__':
    main()
