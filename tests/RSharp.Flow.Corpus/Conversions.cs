namespace RSharp.Flow.Corpus;

/// <summary>Unchecked conversions between all primitive types.</summary>
public static class Conversions
{
    public static int ToSByte(int a) => (sbyte)a;
    public static int ToByte(int a) => (byte)a;
    public static int ToShort(int a) => (short)a;
    public static int ToUShort(int a) => (ushort)a;
    public static int ToChar(int a) => (char)a;
    public static uint ToUInt(int a) => (uint)a;
    public static long ToLong(int a) => a;
    public static ulong ToULong(int a) => (ulong)a;
    public static long UIntToLong(uint a) => a;
    public static double IntToDouble(int a) => a;
    public static float IntToFloat(int a) => a;
    public static double UIntToDouble(uint a) => a;
    public static double ULongToDouble(ulong a) => a;
    public static float ULongToFloat(ulong a) => a;
    public static double LongToDouble(long a) => a;
    public static int DoubleToInt(double d) => (int)d;
    public static long DoubleToLong(double d) => (long)d;
    public static uint DoubleToUInt(double d) => (uint)d;
    public static ulong DoubleToULong(double d) => (ulong)d;
    public static int DoubleToByte(double d) => (byte)d;
    public static float DoubleToFloat(double d) => (float)d;
    public static double FloatToDouble(float f) => f;
    public static int FloatToInt(float f) => (int)f;
    public static int LongToInt(long a) => (int)a;
    public static int LongToShort(long a) => (short)a;
    public static ulong LongToULong(long a) => (ulong)a;
    public static int CharToInt(char c) => c;
    public static char IntToCharAdd(char c, int a) => (char)(c + a);
    public static bool IntToBool(int a) => a != 0;
    public static int BoolToInt(bool b) => b ? 1 : 0;
    public static long NativeIntRoundTrip(long a) => (long)(nint)a + (long)(nuint)(ulong)a;
}
