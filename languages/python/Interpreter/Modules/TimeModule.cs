using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PySharp.Interpreter;

/// <summary>The time module: clocks, struct_time conversions (gmtime, localtime, mktime) and strftime.</summary>
public static partial class Modules_
{
    private static readonly string[] s_days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] s_daysLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] s_monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    internal static readonly PyType StructTime = StructSeq.MakeType("time", "struct_time",
        ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"], 9);

    /// <summary>types.SimpleNamespace's C# twin for sys.implementation and time.get_clock_info (repr "namespace(...)").</summary>
    internal static readonly PyType Namespace = MakeNamespaceType();

    private static PyType MakeNamespaceType()
    {
        var t = new PyType("SimpleNamespace", [PyType.Object], PyType.TypeType, false);
        t.Dict.SetStr("__module__", new PyStr("types"));
        t.Def("__repr__", s =>
        {
            var d = ((PyInstance)s).GetDict();
            var parts = new List<string>();
            int pos = 0;
            while (d.Next(ref pos, out var k, out var v)) parts.Add(Ops.StrString(k) + "=" + Ops.ReprString(v));
            return new PyStr("namespace(" + string.Join(", ", parts) + ")");
        });
        return t;
    }

    internal static PyObject MakeNamespace(params (string name, PyObject value)[] items)
    {
        var o = new PyInstance(Namespace);
        foreach (var (n, v) in items) o.SetAttr(n, v);
        return o;
    }

    private static PyObject ToStructTime(DateTime t, bool local)
    {
        bool dst = local && TimeZoneInfo.Local.IsDaylightSavingTime(t);
        var offset = local ? TimeZoneInfo.Local.GetUtcOffset(t) : TimeSpan.Zero;
        string zone = local ? (dst ? TimeZoneInfo.Local.DaylightName : TimeZoneInfo.Local.StandardName) : "GMT";
        var r = StructSeq.Make(StructTime, PyInt.Get(t.Year), PyInt.Get(t.Month), PyInt.Get(t.Day), PyInt.Get(t.Hour), PyInt.Get(t.Minute),
            PyInt.Get(t.Second), PyInt.Get(((int)t.DayOfWeek + 6) % 7), PyInt.Get(t.DayOfYear), PyInt.Get(dst ? 1 : 0));
        ((PyInstance)r).SetAttr("_tm_zone", new PyStr(ZoneAbbrev(zone)));
        ((PyInstance)r).SetAttr("_tm_gmtoff", PyInt.Get((long)offset.TotalSeconds));
        return r;
    }

    private static string ZoneAbbrev(string name) => name is "Coordinated Universal Time" or "Etc/UTC" or "UCT" ? "UTC" : name;

    private static DateTime FromSeconds(PyObject? secs)
    {
        double s = secs == null || secs == PyNone.Instance ? (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 1e7 : TypeInit.ToDouble(secs);
        if (double.IsNaN(s)) throw Ops.ValueError("Invalid value NaN (not a number)");
        if (double.IsInfinity(s) || Math.Abs(s) > 253402300799) throw Ops.Error(Exc.OverflowError, "timestamp out of range for platform time_t");
        return DateTime.UnixEpoch.AddSeconds(Math.Floor(s));
    }

    /// <summary>A struct_time or 9-tuple as its fields (year, month, day, hour, minute, second, wday, yday, isdst).</summary>
    private static long[] TimeTuple(string fn, PyObject t)
    {
        var items = Ops.ToList(t);
        if (items.Count != 9 && !(t.Type == StructTime))
            throw Ops.TypeError($"{fn}(): illegal time tuple argument");
        var r = new long[9];
        for (int i = 0; i < 9; i++) r[i] = Ops.Index(items[i]);
        return r;
    }

    private static DateTime TupleToDate(long[] f) =>
        new DateTime((int)Math.Clamp(f[0], 1, 9999), 1, 1).AddMonths((int)f[1] - 1).AddDays(f[2] - 1).AddHours(f[3]).AddMinutes(f[4]).AddSeconds(f[5]);

    private static string Asctime(long[] f) =>
        $"{s_days[((f[6] % 7) + 7) % 7]} {s_months[Math.Clamp((int)f[1] - 1, 0, 11)]} {f[2],2} {f[3]:00}:{f[4]:00}:{f[5]:00} {f[0]}";

    /// <summary>strftime over the C library's directives (C locale).</summary>
    private static string Strftime(string fmt, long[] f, PyObject? st)
    {
        var sb = new StringBuilder();
        int wday = (int)(((f[6] % 7) + 7) % 7), yday = (int)f[7];
        int month = Math.Clamp((int)f[1], 1, 12);
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%' || i + 1 >= fmt.Length) { sb.Append(c); continue; }
            char d = fmt[++i];
            int sunWeek = (yday + 6 - (wday + 1) % 7) / 7, monWeek = (yday + 6 - wday) / 7;
            switch (d)
            {
                case 'a': sb.Append(s_days[wday]); break;
                case 'A': sb.Append(s_daysLong[wday]); break;
                case 'b' or 'h': sb.Append(s_months[month - 1]); break;
                case 'B': sb.Append(s_monthsLong[month - 1]); break;
                case 'c': sb.Append(Asctime(f)); break;
                case 'C': sb.Append((f[0] / 100).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'd': sb.Append(f[2].ToString("00", CultureInfo.InvariantCulture)); break;
                case 'D': sb.Append($"{f[1]:00}/{f[2]:00}/{f[0] % 100:00}"); break;
                case 'e': sb.Append($"{f[2],2}"); break;
                case 'F': sb.Append($"{f[0]}-{f[1]:00}-{f[2]:00}"); break;
                case 'H': sb.Append(f[3].ToString("00", CultureInfo.InvariantCulture)); break;
                case 'I': sb.Append(((f[3] + 11) % 12 + 1).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'j': sb.Append(f[7].ToString("000", CultureInfo.InvariantCulture)); break;
                case 'k': sb.Append($"{f[3],2}"); break;
                case 'l': sb.Append($"{(f[3] + 11) % 12 + 1,2}"); break;
                case 'm': sb.Append(f[1].ToString("00", CultureInfo.InvariantCulture)); break;
                case 'M': sb.Append(f[4].ToString("00", CultureInfo.InvariantCulture)); break;
                case 'n': sb.Append('\n'); break;
                case 'p': sb.Append(f[3] < 12 ? "AM" : "PM"); break;
                case 'r': sb.Append($"{(f[3] + 11) % 12 + 1:00}:{f[4]:00}:{f[5]:00} {(f[3] < 12 ? "AM" : "PM")}"); break;
                case 'R': sb.Append($"{f[3]:00}:{f[4]:00}"); break;
                case 'S': sb.Append(f[5].ToString("00", CultureInfo.InvariantCulture)); break;
                case 't': sb.Append('\t'); break;
                case 'T' or 'X': sb.Append($"{f[3]:00}:{f[4]:00}:{f[5]:00}"); break;
                case 'u': sb.Append(wday + 1); break;
                case 'U': sb.Append(sunWeek.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'w': sb.Append((wday + 1) % 7); break;
                case 'W': sb.Append(monWeek.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'x': sb.Append($"{f[1]:00}/{f[2]:00}/{f[0] % 100:00}"); break;
                case 'y': sb.Append((f[0] % 100).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'Y': sb.Append(f[0]); break;
                case 'G' or 'g' or 'V':
                {
                    var date = new DateTime((int)Math.Clamp(f[0], 1, 9999), month, Math.Clamp((int)f[2], 1, DateTime.DaysInMonth((int)Math.Clamp(f[0], 1, 9999), month)));
                    int isoYear = ISOWeek.GetYear(date);
                    sb.Append(d == 'G' ? isoYear.ToString(CultureInfo.InvariantCulture) : d == 'g' ? (isoYear % 100).ToString("00", CultureInfo.InvariantCulture) : ISOWeek.GetWeekOfYear(date).ToString("00", CultureInfo.InvariantCulture));
                    break;
                }
                case 'z':
                {
                    long off = st is PyInstance pi && pi.GetAttr("_tm_gmtoff") is PyInt o ? o.Value : (long)TimeZoneInfo.Local.BaseUtcOffset.TotalSeconds;
                    sb.Append(off < 0 ? '-' : '+').Append((Math.Abs(off) / 3600).ToString("00", CultureInfo.InvariantCulture)).Append((Math.Abs(off) / 60 % 60).ToString("00", CultureInfo.InvariantCulture));
                    break;
                }
                case 'Z': sb.Append(st is PyInstance pz && pz.GetAttr("_tm_zone") is PyStr z ? z.Value : ZoneAbbrev(TimeZoneInfo.Local.StandardName)); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(d); break;
            }
        }
        return sb.ToString();
    }

    private static PyObject ClockInfo(string name) => name switch
    {
        "time" => MakeNamespace(("implementation", new PyStr("clock_gettime(CLOCK_REALTIME)")), ("monotonic", PyBool.False), ("adjustable", PyBool.True), ("resolution", new PyFloat(1e-09))),
        "monotonic" or "perf_counter" => MakeNamespace(("implementation", new PyStr("clock_gettime(CLOCK_MONOTONIC)")), ("monotonic", PyBool.True), ("adjustable", PyBool.False), ("resolution", new PyFloat(1e-09))),
        "process_time" => MakeNamespace(("implementation", new PyStr("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)")), ("monotonic", PyBool.True), ("adjustable", PyBool.False), ("resolution", new PyFloat(1e-09))),
        "thread_time" => MakeNamespace(("implementation", new PyStr("clock_gettime(CLOCK_THREAD_CPUTIME_ID)")), ("monotonic", PyBool.True), ("adjustable", PyBool.False), ("resolution", new PyFloat(1e-09))),
        _ => throw Ops.ValueError("unknown clock"),
    };

    private static PyModule MakeTime(Runtime rt) => Module("time", d =>
    {
        d.Def(Reg.Fn("time", () => new PyFloat((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 1e7)));
        d.Def(Reg.Fn("time_ns", () => PyInt.Get((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100)));
        d.Def(Reg.Fn("perf_counter", () => new PyFloat(s_clock.Elapsed.TotalSeconds)));
        d.Def(Reg.Fn("perf_counter_ns", () => PyInt.Get((long)(s_clock.Elapsed.TotalSeconds * 1e9))));
        d.Def(Reg.Fn("monotonic", () => new PyFloat(s_clock.Elapsed.TotalSeconds)));
        d.Def(Reg.Fn("monotonic_ns", () => PyInt.Get((long)(s_clock.Elapsed.TotalSeconds * 1e9))));
        d.Def(Reg.Fn("process_time", () => new PyFloat(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds)));
        d.Def(Reg.Fn("process_time_ns", () => PyInt.Get(Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100)));
        // .NET has no per-thread CPU clock; the process clock is the closest monotonic CPU time.
        d.Def(Reg.Fn("thread_time", () => new PyFloat(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds)));
        d.Def(Reg.Fn("thread_time_ns", () => PyInt.Get(Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100)));
        d.Def(Reg.Fn("sleep", s =>
        {
            double secs = TypeInit.ToDouble(s);
            if (secs < 0) throw Ops.ValueError("sleep length must be non-negative");
            Thread.Sleep(TimeSpan.FromSeconds(secs));
            return PyNone.Instance;
        }));
        d.Def(Reg.Fn("get_clock_info", n => ClockInfo(Ops.StrString(n))));
        d.SetStr("struct_time", StructTime);
        d.Def(Reg.FnN("gmtime", (a, k) => ToStructTime(FromSeconds(a.Length > 0 ? a[0] : null), false)));
        d.Def(Reg.FnN("localtime", (a, k) => ToStructTime(TimeZoneInfo.ConvertTimeFromUtc(FromSeconds(a.Length > 0 ? a[0] : null), TimeZoneInfo.Local), true)));
        d.Def(Reg.Fn("mktime", t =>
        {
            var local = DateTime.SpecifyKind(TupleToDate(TimeTuple("mktime", t)), DateTimeKind.Unspecified);
            var utc = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.Local);
            return new PyFloat((utc - DateTime.UnixEpoch).Ticks / 10_000_000);
        }));
        d.Def(Reg.FnN("asctime", (a, k) => new PyStr(Asctime(TimeTuple("asctime", a.Length > 0 ? a[0] : ToStructTime(DateTime.Now, true))))));
        d.Def(Reg.FnN("ctime", (a, k) =>
        {
            var st = ToStructTime(TimeZoneInfo.ConvertTimeFromUtc(FromSeconds(a.Length > 0 ? a[0] : null), TimeZoneInfo.Local), true);
            return new PyStr(Asctime(TimeTuple("ctime", st)));
        }));
        d.Def(Reg.FnN("strftime", (a, k) =>
        {
            ArgParser.Count("strftime", a, 1, 2);
            var st = a.Length > 1 ? a[1] : ToStructTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.Local), true);
            return new PyStr(Strftime(Ops.StrString(a[0]), TimeTuple("strftime", st), st));
        }));
        var tz = TimeZoneInfo.Local;
        int std = -(int)tz.BaseUtcOffset.TotalSeconds;
        var rules = tz.GetAdjustmentRules();
        int dstDelta = rules.Length > 0 ? (int)rules[^1].DaylightDelta.TotalSeconds : 0;
        d.SetStr("timezone", PyInt.Get(std));
        d.SetStr("altzone", PyInt.Get(std - dstDelta));
        d.SetStr("daylight", PyInt.Get(tz.SupportsDaylightSavingTime ? 1 : 0));
        d.SetStr("tzname", PyTuple.Of(new PyStr(ZoneAbbrev(tz.StandardName)), new PyStr(ZoneAbbrev(tz.DaylightName))));
    });
}
