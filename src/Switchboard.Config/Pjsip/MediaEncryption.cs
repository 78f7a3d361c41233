namespace Switchboard.Config.Pjsip;

/// <summary><c>media_encryption=</c> of an endpoint.</summary>
public enum MediaEncryption
{
    /// <summary>Plain RTP.</summary>
    No,

    /// <summary>SRTP with SDES keys in SDP.</summary>
    Sdes,

    /// <summary>DTLS-SRTP.</summary>
    Dtls,
}
