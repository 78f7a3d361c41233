namespace Switchboard.Sdp.Negotiation;

/// <summary>Why a stream (or the whole offer/answer) did not produce usable media.</summary>
public enum NegotiationFailure
{
    None,
    NoAudioStream,
    NoCommonCodec,
    UnsupportedProtocol,
    StreamRejected,
    MediaCountMismatch,
    NoRemoteAddress,
}
