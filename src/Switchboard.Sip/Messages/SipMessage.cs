using System.Buffers;
using System.Net;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>
/// A parsed view over the bytes of one SIP request or response. It records offsets of the start line parts and of
/// every header line; values are parsed lazily from spans by the header types (<c>SipVia</c>, <c>SipNameAddr</c>,
/// <c>SipCSeq</c>, ...). Instances are pooled: get one from <see cref="SipMessageParser"/> and
/// <see cref="Dispose"/> it when done. The message does not own <see cref="Buffer"/> unless it came from
/// <see cref="Detach"/>; the caller must keep the buffer alive and unchanged while the message is used.
/// </summary>
public sealed partial class SipMessage : IDisposable
{
    internal const int MaxHeaders = 256;
    private const int InitialHeaders = 32;

    private SipHeaderEntry[] _headers = new SipHeaderEntry[InitialHeaders];
    private int _headerCount;
    private byte[]? _ownedBuffer;
    private bool _inPool;
    private readonly byte[] _remoteIp = new byte[48];
    private int _remoteIpLength;

    private int _methodStart, _methodLength;
    private int _uriStart, _uriLength;
    private int _versionStart, _versionLength;
    private int _reasonStart, _reasonLength;
    private int _bodyStart, _bodyLength;

    /// <summary>The bytes of the whole message (start line to the end of the body).</summary>
    public ReadOnlyMemory<byte> Buffer { get; private set; }

    /// <summary>True for a request, false for a response.</summary>
    public bool IsRequest { get; private set; }

    /// <summary>The request method (or the CSeq method is found separately for responses); Unknown for extensions.</summary>
    public SipMethod Method { get; private set; }

    /// <summary>The method token as written (requests only).</summary>
    public ReadOnlyMemory<byte> MethodBytes => Buffer.Slice(_methodStart, _methodLength);

    /// <summary>The raw Request-URI (requests only). Parse it with <c>SipUri.TryParse</c>.</summary>
    public ReadOnlyMemory<byte> RequestUri => Buffer.Slice(_uriStart, _uriLength);

    /// <summary>The SIP-Version token, e.g. <c>SIP/2.0</c>.</summary>
    public ReadOnlyMemory<byte> Version => Buffer.Slice(_versionStart, _versionLength);

    /// <summary>True when the version is SIP/2.0 (case-insensitive).</summary>
    public bool IsSip20 => SipAscii.EqualsIgnoreCase(Version.Span, "SIP/2.0"u8);

    /// <summary>The status code (responses only), 100-699.</summary>
    public int StatusCode { get; private set; }

    /// <summary>The Reason-Phrase as written (responses only, may be empty or UTF-8).</summary>
    public ReadOnlyMemory<byte> ReasonPhrase => Buffer.Slice(_reasonStart, _reasonLength);

    /// <summary>The body (Content-Length bytes, or the rest of the datagram when Content-Length is absent).</summary>
    public ReadOnlyMemory<byte> Body => Buffer.Slice(_bodyStart, _bodyLength);

    /// <summary>The Content-Length value, or -1 when the header is absent.</summary>
    public int ContentLength { get; private set; }

    /// <summary>Number of header lines (a folded line counts once, a comma list counts once).</summary>
    public int HeaderCount => _headerCount;

    /// <summary>The address the message came from, as set by <see cref="SetRemote(IPAddress, int)"/> (text form).</summary>
    public ReadOnlySpan<byte> RemoteAddress => _remoteIp.AsSpan(0, _remoteIpLength);

    /// <summary>The port the message came from, 0 when not set.</summary>
    public int RemotePort { get; private set; }

    /// <summary>Header line <paramref name="index"/> (0-based, in message order).</summary>
    public SipHeader GetHeader(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_headerCount, nameof(index));
        ref SipHeaderEntry e = ref _headers[index];
        return new SipHeader(e.Id, Buffer.Slice(e.NameStart, e.NameLength), Buffer.Slice(e.ValueStart, e.ValueLength));
    }

    /// <summary>Id of header line <paramref name="index"/>.</summary>
    internal SipHeaderId GetHeaderId(int index) => _headers[index].Id;

    /// <summary>Raw value of header line <paramref name="index"/>.</summary>
    internal ReadOnlyMemory<byte> GetHeaderValue(int index)
    {
        ref SipHeaderEntry e = ref _headers[index];
        return Buffer.Slice(e.ValueStart, e.ValueLength);
    }

    /// <summary>Index of the first header line with <paramref name="id"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(SipHeaderId id, int start = 0)
    {
        for (int i = start; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The raw value of the first header line with <paramref name="id"/>.</summary>
    public bool TryGetHeader(SipHeaderId id, out ReadOnlyMemory<byte> value)
    {
        int i = IndexOf(id);
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = GetHeaderValue(i);
        return true;
    }

    /// <summary>
    /// The raw value of the first header line named <paramref name="name"/> (case-insensitive; long and compact
    /// forms of known headers are equivalent).
    /// </summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        SipHeaderId id = SipHeaderNames.Identify(name);
        if (id != SipHeaderId.Other)
        {
            return TryGetHeader(id, out value);
        }

        ReadOnlySpan<byte> buffer = Buffer.Span;
        for (int i = 0; i < _headerCount; i++)
        {
            ref SipHeaderEntry e = ref _headers[i];
            if (e.Id == SipHeaderId.Other && SipAscii.EqualsIgnoreCase(buffer.Slice(e.NameStart, e.NameLength), name))
            {
                value = Buffer.Slice(e.ValueStart, e.ValueLength);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Number of header lines with <paramref name="id"/>.</summary>
    public int CountHeaders(SipHeaderId id)
    {
        int n = 0;
        for (int i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// All values of <paramref name="id"/> across repeated lines, in order; list headers (Via, Contact, Route,
    /// Record-Route, Require, Supported, Allow, ...) are split at top-level commas.
    /// </summary>
    public SipHeaderValues GetValues(SipHeaderId id) => new(this, id);

    /// <summary>
    /// Records where the message came from; response builders use it for Via <c>received</c>/<c>rport</c>
    /// (RFC 3261 §18.2.1, RFC 3581).
    /// </summary>
    public void SetRemote(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        _remoteIpLength = address.TryFormat(_remoteIp, out int written) ? written : 0;
        RemotePort = port;
    }

    /// <summary>Records where the message came from, given the address in text form.</summary>
    public void SetRemote(ReadOnlySpan<byte> addressText, int port)
    {
        int n = Math.Min(addressText.Length, _remoteIp.Length);
        addressText[..n].CopyTo(_remoteIp);
        _remoteIpLength = n;
        RemotePort = port;
    }

    /// <summary>
    /// Returns a message with the same view over its own copy of the bytes (rented from the array pool and returned
    /// on <see cref="Dispose"/>), so it may outlive the receive buffer. This message stays valid.
    /// </summary>
    public SipMessage Detach()
    {
        SipMessage copy = SipMessagePool.Rent();
        int length = Buffer.Length;
        byte[] owned = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        Buffer.Span.CopyTo(owned);
        copy.CopyViewFrom(this, owned.AsMemory(0, length));
        copy._ownedBuffer = owned;
        return copy;
    }

    /// <summary>Returns this message (and any owned buffer) to the pool. Do not use it afterwards.</summary>
    public void Dispose()
    {
        if (_inPool)
        {
            return;
        }

        Reset();
        _inPool = true;
        SipMessagePool.Return(this);
    }

    internal void MarkRented() => _inPool = false;

    internal void Reset()
    {
        if (_ownedBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_ownedBuffer);
            _ownedBuffer = null;
        }

        Buffer = default;
        IsRequest = false;
        Method = SipMethod.Unknown;
        StatusCode = 0;
        ContentLength = -1;
        _headerCount = 0;
        _methodStart = _methodLength = _uriStart = _uriLength = 0;
        _versionStart = _versionLength = _reasonStart = _reasonLength = 0;
        _bodyStart = _bodyLength = 0;
        _remoteIpLength = 0;
        RemotePort = 0;
    }

    internal void BeginParse(ReadOnlyMemory<byte> buffer)
    {
        if (_ownedBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_ownedBuffer);
            _ownedBuffer = null;
        }

        Buffer = buffer;
        _headerCount = 0;
        ContentLength = -1;
        StatusCode = 0;
        Method = SipMethod.Unknown;
        _methodStart = _methodLength = _uriStart = _uriLength = 0;
        _reasonStart = _reasonLength = _bodyStart = _bodyLength = 0;
    }

    internal void SetRequestLine(int methodStart, int methodLength, SipMethod method, int uriStart, int uriLength, int versionStart, int versionLength)
    {
        IsRequest = true;
        _methodStart = methodStart;
        _methodLength = methodLength;
        Method = method;
        _uriStart = uriStart;
        _uriLength = uriLength;
        _versionStart = versionStart;
        _versionLength = versionLength;
    }

    internal void SetStatusLine(int versionStart, int versionLength, int statusCode, int reasonStart, int reasonLength)
    {
        IsRequest = false;
        _versionStart = versionStart;
        _versionLength = versionLength;
        StatusCode = statusCode;
        _reasonStart = reasonStart;
        _reasonLength = reasonLength;
    }

    internal bool AddHeader(SipHeaderId id, int nameStart, int nameLength, int valueStart, int valueLength)
    {
        if (_headerCount == _headers.Length)
        {
            if (_headerCount >= MaxHeaders)
            {
                return false;
            }

            Array.Resize(ref _headers, Math.Min(_headers.Length * 2, MaxHeaders));
        }

        ref SipHeaderEntry e = ref _headers[_headerCount++];
        e.Id = id;
        e.NameStart = nameStart;
        e.NameLength = nameLength;
        e.ValueStart = valueStart;
        e.ValueLength = valueLength;
        return true;
    }

    /// <summary>Extends the value of the last header to <paramref name="valueEnd"/> (obs-fold continuation).</summary>
    internal void ExtendLastHeader(int valueStartIfEmpty, int valueEnd)
    {
        ref SipHeaderEntry e = ref _headers[_headerCount - 1];
        if (e.ValueLength == 0)
        {
            e.ValueStart = valueStartIfEmpty;
        }

        e.ValueLength = valueEnd - e.ValueStart;
    }

    internal void SetBody(int start, int length, int contentLength)
    {
        _bodyStart = start;
        _bodyLength = length;
        ContentLength = contentLength;
    }

    internal void Truncate(int totalLength) => Buffer = Buffer[..totalLength];

    private void CopyViewFrom(SipMessage other, ReadOnlyMemory<byte> buffer)
    {
        Buffer = buffer;
        IsRequest = other.IsRequest;
        Method = other.Method;
        StatusCode = other.StatusCode;
        ContentLength = other.ContentLength;
        _methodStart = other._methodStart;
        _methodLength = other._methodLength;
        _uriStart = other._uriStart;
        _uriLength = other._uriLength;
        _versionStart = other._versionStart;
        _versionLength = other._versionLength;
        _reasonStart = other._reasonStart;
        _reasonLength = other._reasonLength;
        _bodyStart = other._bodyStart;
        _bodyLength = other._bodyLength;
        if (_headers.Length < other._headerCount)
        {
            _headers = new SipHeaderEntry[other._headers.Length];
        }

        Array.Copy(other._headers, _headers, other._headerCount);
        _headerCount = other._headerCount;
        other.RemoteAddress.CopyTo(_remoteIp);
        _remoteIpLength = other._remoteIpLength;
        RemotePort = other.RemotePort;
    }
}
