namespace RSharp.Samples.Brainfuck;

/// <summary>
/// The machine state that changes while a program runs (the red variable): the cells, the
/// head position and the program's input and output.
/// </summary>
internal sealed class Tape
{
    private const int InitialCells = 30_000;

    private byte[] _cells = new byte[InitialCells];
    private int _position;
    private readonly Stream _input;
    private readonly Stream _output;

    public Tape(Stream input, Stream output)
    {
        _input = input;
        _output = output;
    }

    public byte Get() => _cells[_position];

    public void Set(byte value) => _cells[_position] = value;

    public void Increment() => _cells[_position]++;

    public void Decrement() => _cells[_position]--;

    public void Advance()
    {
        _position++;
        if (_position == _cells.Length)
            Grow();
    }

    /// <summary>Moving left of cell 0 is a program error (the tape does not grow leftwards).</summary>
    public void Devance()
    {
        if (_position == 0)
            throw new BrainfuckError("moved left of the first cell");
        _position--;
    }

    /// <summary>Reads one byte; at end of input the cell keeps its value.</summary>
    public void Read()
    {
        int b = _input.ReadByte();
        if (b >= 0)
            _cells[_position] = (byte)b;
    }

    public void Write() => _output.WriteByte(_cells[_position]);

    public void Flush() => _output.Flush();

    private void Grow() => Array.Resize(ref _cells, _cells.Length * 2);
}

/// <summary>A Brainfuck program error (unbalanced brackets, moving off the tape).</summary>
internal sealed class BrainfuckError(string message) : Exception(message);
