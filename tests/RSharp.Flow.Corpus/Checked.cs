namespace RSharp.Flow.Corpus;

/// <summary>Checked arithmetic and conversions (add.ovf, conv.ovf.*).</summary>
public static class Checked
{
    public static int Add(int a, int b) => checked(a + b);
    public static int Sub(int a, int b) => checked(a - b);
    public static int Mul(int a, int b) => checked(a * b);
    public static long LongMul(long a, long b) => checked(a * b);
    public static long LongAdd(long a, long b) => checked(a + b);
    public static uint UAdd(uint a, uint b) => checked(a + b);
    public static uint USub(uint a, uint b) => checked(a - b);
    public static ulong UMul(ulong a, ulong b) => checked(a * b);
    public static int LongToInt(long a) => checked((int)a);
    public static byte IntToByte(int a) => checked((byte)a);
    public static sbyte IntToSByte(int a) => checked((sbyte)a);
    public static short IntToShort(int a) => checked((short)a);
    public static char IntToChar(int a) => checked((char)a);
    public static uint IntToUInt(int a) => checked((uint)a);
    public static int UIntToInt(uint a) => checked((int)a);
    public static ulong LongToULong(long a) => checked((ulong)a);
    public static long ULongToLong(ulong a) => checked((long)a);
    public static int DoubleToInt(double d) => checked((int)d);
    public static long DoubleToLong(double d) => checked((long)d);
    public static uint FloatToUInt(float f) => checked((uint)f);
    public static int Negate(int a) => checked(-a);
    public static int Factorial(int n)
    {
        int r = 1;
        for (int i = 2; i <= (n & 15); i++) r = checked(r * i);
        return r;
    }
    public static int CatchOverflow(int a, int b)
    {
        try { return checked(a * b); }
        catch (OverflowException) { return -1; }
    }
    public static int UncheckedInsideChecked(int a, int b) => checked(unchecked(a * b) + 1);
}
