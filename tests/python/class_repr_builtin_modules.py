# repr of classes defined by builtin modules shows their module (time.struct_time, _io.TextIOWrapper, types.GenericAlias, ...)
import time, sys, io, types
print(type(time.gmtime(0)), type(sys.version_info), type(sys.flags), io.StringIO, io.BytesIO, type(open(__file__)), type(list[int]), io.UnsupportedOperation, types.SimpleNamespace, type(iter([])), type(print), type(len), type(sys), type(lambda: 0), type((x for x in [])), int, ValueError, type(None), type(...), type(memoryview(b"")), type({}.keys()), type(range(1)), type(zip()), type(sys.float_info))
