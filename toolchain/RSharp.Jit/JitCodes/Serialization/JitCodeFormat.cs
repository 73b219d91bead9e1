using System.Text;

namespace RSharp.Jit.JitCodes.Serialization;

/// <summary>A jitcode image that cannot be read: not an image, another format version, truncated, corrupt, or stale.</summary>
public sealed class JitCodeFormatException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public JitCodeFormatException(string message, Exception? inner = null) : base("jitcode image: " + message, inner) { }
}

/// <summary>Constants of the binary format (see docs/jitcodes.md, "Serialized jitcodes").</summary>
internal static class JitCodeFormat
{
    /// <summary>"RSJC".</summary>
    public static ReadOnlySpan<byte> Magic => "RSJC"u8;
    /// <summary>Bumped on every incompatible change of the layout.</summary>
    public const ushort Version = 1;
    /// <summary>magic, version, reserved, instruction-set hash, payload length, payload checksum.</summary>
    public const int HeaderSize = 4 + 2 + 2 + 4 + 4 + 4;

    // Members (the member table).
    public const byte TypeDef = 1, SzArray = 2, MdArray = 3, ByRef = 4, Pointer = 5, GenericType = 6,
        Field = 7, Method = 8, Constructor = 9, ArrayMethod = 10;

    // Descriptors.
    public const byte FieldD = 1, ArrayD = 2, TypeD = 3, CallD = 4, JitCodeD = 5, StaticFieldD = 6,
        ConstructorD = 7, SwitchD = 8, MergePointD = 9, ReasonD = 10;

    // Ref constants.
    public const byte Null = 0, String = 1, TypeConst = 2, Primitive = 3, EnumConst = 4, NInt = 5, NUInt = 6, FieldHandle = 7, TypeHandle = 8, MethodHandle = 9;

    // Effect infos: the shared instances, or spelled out.
    public const byte EffectResidual = 0, EffectElidableCannotRaise = 1, EffectCannotRaise = 2, EffectMayRaise = 3, EffectCustom = 4;

    /// <summary>
    /// FNV-1a over the instruction set (names and argument codes in opcode order): bytecode is only
    /// meaningful to a runtime with the same opcode numbering.
    /// </summary>
    public static uint InstructionSetHash { get; } = Fnv(Encoding.UTF8.GetBytes(
        string.Join("\n", InstructionSet.All.Select(d => d.Key))));

    /// <summary>FNV-1a, 32 bits (the payload checksum).</summary>
    public static uint Fnv(ReadOnlySpan<byte> data)
    {
        uint h = 2166136261;
        foreach (byte b in data) h = (h ^ b) * 16777619;
        return h;
    }
}

/// <summary>Little-endian output with 7-bit variable-length integers.</summary>
internal sealed class ByteSink
{
    private byte[] _buf = new byte[4096];

    public int Length { get; private set; }

    private void Ensure(int n)
    {
        if (Length + n <= _buf.Length) return;
        Array.Resize(ref _buf, Math.Max(_buf.Length * 2, Length + n));
    }

    public void Byte(int b)
    {
        Ensure(1);
        _buf[Length++] = (byte)b;
    }

    public void UInt(ulong v)
    {
        Ensure(10);
        while (v >= 0x80)
        {
            _buf[Length++] = (byte)(v | 0x80);
            v >>= 7;
        }
        _buf[Length++] = (byte)v;
    }

    /// <summary>Zigzag: small negative numbers stay short.</summary>
    public void Int(long v) => UInt((ulong)((v << 1) ^ (v >> 63)));

    public void Fixed(ulong v, int bytes)
    {
        Ensure(bytes);
        for (int k = 0; k < bytes; k++) _buf[Length++] = (byte)(v >> (8 * k));
    }

    public void Bytes(ReadOnlySpan<byte> data)
    {
        Ensure(data.Length);
        data.CopyTo(_buf.AsSpan(Length));
        Length += data.Length;
    }

    public ReadOnlySpan<byte> Written => _buf.AsSpan(0, Length);
}

/// <summary>Bounds-checked input: running off the end or an out-of-range index is a <see cref="JitCodeFormatException"/>.</summary>
internal sealed class ByteSource(byte[] data, int start, int end)
{
    private readonly byte[] _data = data;
    private readonly int _end = end;

    public int Position { get; private set; } = start;

    private JitCodeFormatException Truncated() => new($"corrupt: data ends inside a record at offset {Position}");

    public byte Byte()
    {
        if (Position >= _end) throw Truncated();
        return _data[Position++];
    }

    public ulong UInt()
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            v |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return v;
        }
        throw new JitCodeFormatException($"corrupt: overlong integer at offset {Position}");
    }

    public long Int()
    {
        ulong z = UInt();
        return (long)(z >> 1) ^ -(long)(z & 1);
    }

    /// <summary>A count or length: at most the bytes left, so corrupt counts fail before allocating.</summary>
    public int Count(string what, int bytesPerItem = 1)
    {
        ulong n = UInt();
        if (n > (ulong)Math.Max(0, (_end - Position) / Math.Max(1, bytesPerItem)))
            throw new JitCodeFormatException($"corrupt: {what} count {n} at offset {Position} exceeds the data");
        return (int)n;
    }

    /// <summary>An index into a table of <paramref name="count"/> entries.</summary>
    public int Index(int count, string table)
    {
        ulong i = UInt();
        if (i >= (ulong)count) throw new JitCodeFormatException($"corrupt: {table} index {i} out of range ({count} entries) at offset {Position}");
        return (int)i;
    }

    public ulong Fixed(int bytes)
    {
        if (Position + bytes > _end) throw Truncated();
        ulong v = 0;
        for (int k = 0; k < bytes; k++) v |= (ulong)_data[Position++] << (8 * k);
        return v;
    }

    public byte[] Bytes(int n)
    {
        if (Position + n > _end) throw Truncated();
        var r = _data.AsSpan(Position, n).ToArray();
        Position += n;
        return r;
    }

    public string Utf8(int n)
    {
        if (Position + n > _end) throw Truncated();
        var s = Encoding.UTF8.GetString(_data, Position, n);
        Position += n;
        return s;
    }

    public bool AtEnd => Position == _end;

    /// <summary>Another cursor over the same data, starting at <paramref name="offset"/>.</summary>
    public ByteSource At(int offset) => new(_data, offset, _end);
}
