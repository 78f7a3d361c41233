namespace Switchboard.Media.Relay;

/// <summary>
/// What was negotiated for a leg: its audio codecs (the first is what we send) and RFC 4733 telephone-event.
/// Immutable; a re-INVITE installs a new instance with <see cref="RtpLeg.SetMedia"/>.
/// </summary>
public sealed class RtpLegMedia
{
    private readonly RtpCodecBinding[] _codecs;

    public RtpLegMedia(IReadOnlyList<RtpCodecBinding> codecs, int telephoneEventPayloadType = -1, int telephoneEventClockRate = 8000, int? telephoneEventSendPayloadType = null)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        if (codecs.Count == 0)
        {
            throw new ArgumentException("at least one codec is required", nameof(codecs));
        }

        _codecs = [.. codecs];
        foreach (var c in _codecs)
        {
            CheckPayloadType(c.PayloadType);
            CheckPayloadType(c.OutgoingPayloadType);
        }

        if (telephoneEventPayloadType >= 0)
        {
            CheckPayloadType(telephoneEventPayloadType);
            CheckPayloadType(telephoneEventSendPayloadType ?? telephoneEventPayloadType);
        }

        TelephoneEventPayloadType = telephoneEventPayloadType;
        TelephoneEventClockRate = telephoneEventClockRate;
        TelephoneEventSendPayloadType = telephoneEventSendPayloadType ?? telephoneEventPayloadType;
    }

    /// <summary>Single-codec convenience, e.g. new RtpLegMedia("ulaw", 0, 101).</summary>
    public RtpLegMedia(string codec, int payloadType, int telephoneEventPayloadType = -1, int clockRate = 8000)
        : this([new RtpCodecBinding(payloadType, codec, clockRate)], telephoneEventPayloadType)
    {
    }

    public IReadOnlyList<RtpCodecBinding> Codecs => _codecs;

    /// <summary>The codec we send.</summary>
    public RtpCodecBinding Primary => _codecs[0];

    /// <summary>telephone-event payload type as it arrives; -1 when telephone-event was not negotiated.</summary>
    public int TelephoneEventPayloadType { get; }

    /// <summary>telephone-event payload type to send with (the remote's number).</summary>
    public int TelephoneEventSendPayloadType { get; }

    public int TelephoneEventClockRate { get; }

    public bool HasTelephoneEvent => TelephoneEventPayloadType >= 0;

    public RtpCodecBinding? FindByPayloadType(int payloadType)
    {
        foreach (var c in _codecs)
        {
            if (c.PayloadType == payloadType)
            {
                return c;
            }
        }

        return null;
    }

    public RtpCodecBinding? FindByName(string name)
    {
        foreach (var c in _codecs)
        {
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }

    private static void CheckPayloadType(int payloadType)
    {
        if (payloadType is < 0 or > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "RTP payload types are 0-127");
        }
    }
}
