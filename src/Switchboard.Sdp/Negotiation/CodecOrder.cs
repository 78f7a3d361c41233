namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// Whose order the answer lists the common codecs in. Asterisk's default for an incoming offer
/// (codec_prefs_incoming_offer "prefer: pending") keeps the offerer's order.
/// </summary>
public enum CodecOrder
{
    Offerer,
    Ours,
}
