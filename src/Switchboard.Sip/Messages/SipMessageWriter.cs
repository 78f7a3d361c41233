using System.Buffers;
using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>
/// Writes a SIP message into an <see cref="IBufferWriter{T}"/>: start line, headers, then
/// <see cref="WriteBody"/> (which writes Content-Length, the empty line and the body) or <see cref="WriteEnd"/>.
/// </summary>
public readonly struct SipMessageWriter
{
    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    public SipMessageWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>The underlying output.</summary>
    public IBufferWriter<byte> Output => _output;

    /// <summary><c>METHOD SP Request-URI SP SIP/2.0 CRLF</c>.</summary>
    public void WriteRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri)
    {
        WriteRaw(method);
        WriteByte(SipAscii.Sp);
        WriteRaw(requestUri);
        WriteRaw(" SIP/2.0\r\n"u8);
    }

    /// <summary>Request line for a known method.</summary>
    public void WriteRequestLine(SipMethod method, ReadOnlySpan<byte> requestUri)
    {
        if (method == SipMethod.Unknown)
        {
            throw new ArgumentException("Use the byte overload for extension methods.", nameof(method));
        }

        WriteRequestLine(SipMethods.ToBytes(method), requestUri);
    }

    /// <summary><c>SIP/2.0 SP code SP reason CRLF</c>.</summary>
    public void WriteStatusLine(int statusCode, ReadOnlySpan<byte> reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        WriteRaw("SIP/2.0 "u8);
        WriteNumber(statusCode);
        WriteByte(SipAscii.Sp);
        WriteRaw(reason);
        WriteRaw("\r\n"u8);
    }

    /// <summary>A header line with a known name.</summary>
    public void WriteHeader(SipHeaderId id, ReadOnlySpan<byte> value) => WriteHeader(SipHeaderNames.Canonical(id), value);

    /// <summary>A header line.</summary>
    public void WriteHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        WriteHeaderStart(name);
        WriteRaw(value);
        WriteHeaderEnd();
    }

    /// <summary>A header line with a numeric value.</summary>
    public void WriteHeader(SipHeaderId id, long value)
    {
        WriteHeaderStart(SipHeaderNames.Canonical(id));
        WriteNumber(value);
        WriteHeaderEnd();
    }

    /// <summary>A header line from strings (UTF-8; for the edges, not for hot paths).</summary>
    public void WriteHeader(string name, string value)
    {
        WriteHeaderStart(Encoding.UTF8.GetBytes(name));
        WriteRaw(Encoding.UTF8.GetBytes(value));
        WriteHeaderEnd();
    }

    /// <summary>Writes <c>Name: </c>; compose the value with <see cref="WriteRaw"/>/<see cref="WriteNumber"/>, then <see cref="WriteHeaderEnd"/>.</summary>
    public void WriteHeaderStart(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            throw new ArgumentException("Header name required.", nameof(name));
        }

        WriteRaw(name);
        WriteRaw(": "u8);
    }

    /// <summary>Ends a header line.</summary>
    public void WriteHeaderEnd() => WriteRaw("\r\n"u8);

    /// <summary>Writes <c>Content-Length</c>, the empty line and <paramref name="body"/>.</summary>
    public void WriteBody(ReadOnlySpan<byte> body)
    {
        WriteHeader(SipHeaderId.ContentLength, body.Length);
        WriteRaw("\r\n"u8);
        WriteRaw(body);
    }

    /// <summary>Writes <c>Content-Type</c> then the body.</summary>
    public void WriteBody(ReadOnlySpan<byte> contentType, ReadOnlySpan<byte> body)
    {
        WriteHeader(SipHeaderId.ContentType, contentType);
        WriteBody(body);
    }

    /// <summary>Ends a message without a body (<c>Content-Length: 0</c>).</summary>
    public void WriteEnd() => WriteBody(default);

    /// <summary>Copies bytes as they are.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        Span<byte> dest = _output.GetSpan(bytes.Length);
        bytes.CopyTo(dest);
        _output.Advance(bytes.Length);
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Advance(1);
    }

    /// <summary>Writes a decimal number.</summary>
    public void WriteNumber(long value)
    {
        Span<byte> dest = _output.GetSpan(21);
        int n = 0;
        ulong v;
        if (value < 0)
        {
            dest[n++] = (byte)'-';
            v = (ulong)(-(value + 1)) + 1;
        }
        else
        {
            v = (ulong)value;
        }

        n += SipAscii.FormatUInt(v, dest[n..]);
        _output.Advance(n);
    }
}
