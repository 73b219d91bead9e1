namespace RSharp.Flow.Corpus;

/// <summary>Primitive arithmetic on every stack type (unchecked).</summary>
public static class Arithmetic
{
    public static int Add(int a, int b) => a + b;
    public static int Sub(int a, int b) => a - b;
    public static int Mul(int a, int b) => a * b;
    public static int Div(int a, int b) => a / b;
    public static int Rem(int a, int b) => a % b;
    public static int Neg(int a) => -a;
    public static int Not(int a) => ~a;
    public static int BitOps(int a, int b) => (a & b) ^ (a | 0x0F0F) ^ (b << 3);
    public static int Shifts(int a, int b) => (a << (b & 7)) + (a >> (b & 15)) + (int)((uint)a >> (b & 31));
    public static long LongAdd(long a, long b) => a + b;
    public static long LongMul(long a, long b) => a * b - (a >> 3);
    public static long LongDiv(long a, long b) => a / b;
    public static long LongRem(long a, long b) => a % b;
    public static long LongShift(long a, int s) => (a << s) ^ (a >> (s + 1)) ^ (long)((ulong)a >> s);
    public static uint UIntDiv(uint a, uint b) => a / b;
    public static uint UIntRem(uint a, uint b) => a % b;
    public static ulong ULongDiv(ulong a, ulong b) => a / (b | 1);
    public static ulong ULongMix(ulong a, ulong b) => (a >> 7) * 3 + b % 11;
    public static double DoubleOps(double a, double b) => a * b + a / 3.0 - b % 2.5;
    public static double DoubleNeg(double a) => -a;
    public static float FloatOps(float a, float b) => a * b - a / 7f + b % 3f;
    public static double MixedFloat(float a, double b) => a + b;
    public static int ShortArith(short a, short b) => (short)(a + b) * 2;
    public static int ByteArith(byte a, byte b) => (byte)(a * b) + (a >> 1);
    public static int SByteArith(sbyte a, sbyte b) => (sbyte)(a - b);
    public static int CharArith(char c) => c + 1;
    public static long MixedIntLong(int a, long b) => a * b + a;
    public static int Average(int a, int b) => (int)(((long)a + b) / 2);
    public static int Abs(int a) => Math.Abs(a);
    public static double Sqrt(double a) => Math.Sqrt(a);
    public static int MinMax(int a, int b) => Math.Max(a, b) - Math.Min(a, b);
    public static int Compound(int a, int b)
    {
        a += b; a *= 3; a -= b; a <<= 1; a |= b; a &= 0x7fff; a ^= 0x55; a %= 1000 + (b & 1);
        return a;
    }
    public static int IncDec(int a)
    {
        int x = a++;
        int y = ++a;
        int z = a--;
        return x + y * 2 + z * 3 + --a;
    }
    public static byte ByteCompound(byte b, int n)
    {
        b += (byte)n;
        b <<= 1;
        return b;
    }
    public static int DivByConstant(int a) => a / 7 + a % 13 + a / -3;
    public static long PowerOfTwoOps(long a) => a / 8 + a % 16 + (a & 31);
    public static int CompareLongs(long a, long b) => a.CompareTo(b);
    public static int CompareInts(int a, int b) => a.CompareTo(b) * 10 + (a.Equals(b) ? 1 : 0);
    public static int CompareUnsigned(uint a, long b) => a.CompareTo((uint)b) + 3 * ((ulong)b).CompareTo((ulong)a);
}
