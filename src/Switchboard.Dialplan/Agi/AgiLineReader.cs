using System.Text;

namespace Switchboard.Dialplan.Agi;

/// <summary>
/// Reads UTF-8 lines from a script's output with a length limit, so a script that never sends a line break cannot
/// make the PBX buffer without end. A carriage return before the line feed is dropped.
/// </summary>
internal sealed class AgiLineReader(Stream stream, int maxLineLength = AgiLineReader.DefaultMaxLineLength)
{
    /// <summary>Longest line accepted (Asterisk's buffer is 2 KB; we allow more for long variable values).</summary>
    public const int DefaultMaxLineLength = 64 * 1024;

    private readonly StreamReader _reader = new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
    private readonly char[] _buffer = new char[4096];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>True after a line longer than the limit was cut (the tail up to the line feed is skipped).</summary>
    public bool LastLineTooLong { get; private set; }

    /// <summary>The next line, or null at the end of the stream.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        LastLineTooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                _end = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _start = 0;
                if (_end == 0)
                {
                    return _line.Length > 0 ? Finish() : null;
                }
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf('\n');
            var take = lf < 0 ? span : span[..lf];
            var room = maxLineLength - _line.Length;
            if (take.Length > room)
            {
                LastLineTooLong = true;
                take = take[..Math.Max(0, room)];
            }

            _line.Append(take);
            if (lf >= 0)
            {
                _start += lf + 1;
                return Finish();
            }

            _start = _end;
        }
    }

    private string Finish()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return _line.ToString();
    }
}
