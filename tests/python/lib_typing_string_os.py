from typing import List, Dict, Optional, Union, Any, Tuple, Callable
import string, os, sys
def f(xs: List[int], d: Optional[Dict[str, int]] = None) -> Tuple[int, ...]:
    return tuple(xs)
print(f([1, 2]), f.__annotations__["xs"])
print(string.ascii_lowercase, string.digits, string.punctuation[:5], string.capwords("hello world"))
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"), os.path.splitext("f.tar.gz"))
print(os.path.exists(__file__), os.sep, 'HOME' in os.environ or True, sys.platform, sys.version_info[:2] >= (3, 11))
print(isinstance(sys.argv, list), sys.maxsize, len(sys.argv))
