namespace Switchboard.Media.Rtp;

/// <summary>Why a datagram is not a usable RTP packet.</summary>
public enum RtpParseError
{
    None,
    TooShort,
    BadVersion,
    TruncatedCsrcList,
    TruncatedExtension,
    BadPadding,
    LooksLikeRtcp,
}
