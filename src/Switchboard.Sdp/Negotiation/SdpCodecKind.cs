namespace Switchboard.Sdp.Negotiation;

/// <summary>What an entry of the codec catalog is used for.</summary>
public enum SdpCodecKind
{
    Audio,
    TelephoneEvent,
    Video,
}
