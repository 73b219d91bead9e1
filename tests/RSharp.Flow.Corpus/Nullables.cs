namespace RSharp.Flow.Corpus;

public class Account
{
    public int? Limit;
    public decimal Balance;
}

/// <summary>Nullable value types: lifted operators, HasValue/Value, boxing to null, nullable fields.</summary>
public static class Nullables
{
    public static int? Half(int a) => a % 2 == 0 ? a / 2 : null;
    public static int HasValue(int a) => Half(a).HasValue ? 1 : 0;
    public static int ValueOrThrow(int a) => Half(a)!.Value;
    public static int Lifted(int a, int b)
    {
        int? x = Half(a), y = Half(b);
        int? sum = x + y;
        return sum ?? -1;
    }
    public static bool LiftedCompare(int a, int b) => Half(a) < Half(b);
    public static object? BoxNullable(int a) => Half(a);
    public static int UnboxNullable(object o) => (int?)o ?? -7;
    public static string NullableToString(int a) => Half(a).ToString() + "|" + Half(a).GetHashCode();
    public static int NullableField(int a)
    {
        var acc = new Account();
        if (a > 0) acc.Limit = a;
        acc.Limit ??= 5;
        return acc.Limit.Value + (acc.Limit.GetValueOrDefault(3));
    }
    public static long NullableLong(long a)
    {
        long? x = a > 0 ? a : null;
        return x.GetValueOrDefault() + (x ?? 1);
    }
    public static double NullableDouble(double d)
    {
        double? x = double.IsNaN(d) ? null : d;
        return x * 2 ?? -1.0;
    }
    public static bool NullableEquals(int a, int b) => Half(a).Equals(Half(b));
}
