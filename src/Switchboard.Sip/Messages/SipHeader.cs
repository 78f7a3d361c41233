namespace Switchboard.Sip.Messages;

/// <summary>One header line of a parsed message: identity, name as written, and the trimmed raw value.</summary>
public readonly struct SipHeader
{
    internal SipHeader(SipHeaderId id, ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value)
    {
        Id = id;
        Name = name;
        Value = value;
    }

    /// <summary>The recognised header, or <see cref="SipHeaderId.Other"/>.</summary>
    public SipHeaderId Id { get; }

    /// <summary>The name exactly as written (may be a compact form).</summary>
    public ReadOnlyMemory<byte> Name { get; }

    /// <summary>The value with leading/trailing white space removed; folded line breaks remain and count as LWS.</summary>
    public ReadOnlyMemory<byte> Value { get; }
}
