using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>
/// Allocation-free enumeration of every value of one header across repeated lines, in message order. List headers
/// are split at commas outside quotes and angle brackets; other headers give one value per line. Empty list
/// elements are reported (as empty values) so validators can reject them.
/// </summary>
public struct SipHeaderValues
{
    private readonly SipMessage _message;
    private readonly SipHeaderId _id;
    private readonly bool _split;
    private int _line;
    private ReadOnlyMemory<byte> _lineValue;
    private int _offset;

    internal SipHeaderValues(SipMessage message, SipHeaderId id)
    {
        _message = message;
        _id = id;
        _split = IsList(id);
        _line = -1;
        _lineValue = default;
        _offset = -1;
        Current = default;
    }

    /// <summary>The current value, trimmed of LWS.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Supports <c>foreach</c>.</summary>
    public readonly SipHeaderValues GetEnumerator() => this;

    /// <summary>Advances to the next value.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            if (_offset < 0)
            {
                _line = _message.IndexOf(_id, _line + 1);
                if (_line < 0)
                {
                    Current = default;
                    return false;
                }

                _lineValue = _message.GetHeaderValue(_line);
                _offset = 0;
            }

            ReadOnlySpan<byte> rest = _lineValue.Span[_offset..];
            int comma = _split ? SipAscii.IndexOfUnquoted(rest, (byte)',') : -1;
            int length = comma < 0 ? rest.Length : comma;
            (int start, int len) = SipAscii.TrimLwsRange(rest[..length]);
            Current = _lineValue.Slice(_offset + start, len);
            _offset = comma < 0 ? -1 : _offset + comma + 1;
            return true;
        }
    }

    /// <summary>Counts the values (walks a copy of the enumerator).</summary>
    public readonly int Count()
    {
        SipHeaderValues copy = new(_message, _id);
        int n = 0;
        while (copy.MoveNext())
        {
            n++;
        }

        return n;
    }

    /// <summary>True for headers whose grammar is a comma-separated list (RFC 3261 §7.3.1).</summary>
    public static bool IsList(SipHeaderId id) => id switch
    {
        SipHeaderId.Via or SipHeaderId.Contact or SipHeaderId.Route or SipHeaderId.RecordRoute
            or SipHeaderId.Require or SipHeaderId.ProxyRequire or SipHeaderId.Supported or SipHeaderId.Unsupported
            or SipHeaderId.Allow or SipHeaderId.AllowEvents or SipHeaderId.Accept or SipHeaderId.AcceptEncoding
            or SipHeaderId.AcceptLanguage or SipHeaderId.ContentEncoding or SipHeaderId.ContentLanguage
            or SipHeaderId.Path or SipHeaderId.ServiceRoute or SipHeaderId.Warning or SipHeaderId.CallInfo
            or SipHeaderId.AlertInfo or SipHeaderId.ErrorInfo or SipHeaderId.InReplyTo
            or SipHeaderId.PAssertedIdentity or SipHeaderId.PPreferredIdentity or SipHeaderId.AcceptContact
            or SipHeaderId.RejectContact or SipHeaderId.RequestDisposition => true,
        _ => false,
    };
}
