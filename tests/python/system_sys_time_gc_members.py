# sys struct sequences (version_info, float_info, hash_info, int_info, flags), sys.implementation,
# time's struct_time functions and strftime, gc's switches, math additions of 3.9-3.11
import sys, time, gc, math
v = sys.version_info
print(v[:2], v.major, v.minor, v.releaselevel, v >= (3, 8), tuple(v)[:2], type(v).__name__, len(v))
major, minor, *rest = v
print(major, minor, rest[1:])
print(sys.implementation.name in ("cpython", "pysharp"), sys.implementation.version[:2], type(sys.implementation).__name__)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max, sys.float_info.mant_dig)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.isolated, repr(sys.flags.safe_path))
for n in ["localtime", "gmtime", "mktime", "asctime", "ctime", "struct_time", "thread_time", "get_clock_info", "timezone", "altzone", "daylight", "tzname", "process_time_ns"]:
    print(n, hasattr(time, n))
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_wday, t.tm_yday, tuple(t), t[0], t[-1], len(t), t.tm_zone)
print(time.strftime("%Y-%m-%d %H:%M:%S", t), time.asctime(t))
for ts in [1700000000, 951782400, 1609459199, 0, 86400 * 365 * 30 + 12345]:
    g = time.gmtime(ts)
    print(time.strftime("%a %A %b %B %d %j %U %W %w %y %Y %I %p %M %S %% %e %D %F %T %R %u %G %V %C %h", g))
print(time.mktime(time.localtime(1700000000)) == 1700000000, time.localtime(5).tm_sec, time.gmtime(1.9).tm_sec)
print(time.ctime(0) == time.asctime(time.localtime(0)))
st = time.struct_time((2020, 2, 29, 12, 30, 45, 5, 60, 0))
print(st, st.tm_mday, time.strftime("%d/%m/%Y", st), time.asctime(st))
print(time.get_clock_info("monotonic").monotonic, time.get_clock_info("time").adjustable)
print(isinstance(time.time_ns(), int), time.perf_counter_ns() >= 0, time.process_time() >= 0, time.thread_time() >= 0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
print(gc.isenabled(), gc.disable(), gc.isenabled(), gc.enable(), gc.isenabled(), gc.collect() >= 0, gc.get_threshold()[0] > 0)
print(hasattr(gc, "freeze"), hasattr(gc, "callbacks"), gc.get_debug(), len(gc.get_stats()))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(3.0, 3.0))
print(math.ulp(1.0), math.ulp(1e300), math.ulp(0.0), math.ulp(-2.0), math.ulp(math.inf))
print(math.remainder(10, 3), math.remainder(7, 2), math.remainder(-5, 3), math.remainder(5, math.inf), math.cbrt(27), math.cbrt(-8), math.exp2(3), math.exp2(-1))
print(math.log1p(1e-10), math.log1p(0.5), math.expm1(1e-10), f"{math.erfc(10):.12e} {math.erfc(5):.12e}", math.erf(3) < 1)
for bad in [lambda: math.remainder(1, 0), lambda: math.remainder(math.inf, 1)]:
    try:
        bad()
    except ValueError as e:
        print(e)
