namespace Switchboard.Config.Pjsip;

/// <summary><c>dtmf_mode=</c> of an endpoint.</summary>
public enum DtmfMode
{
    /// <summary>RFC 4733 telephone-event (default).</summary>
    Rfc4733,

    /// <summary>In-band audio tones.</summary>
    Inband,

    /// <summary>SIP INFO.</summary>
    Info,

    /// <summary>RFC 4733 when offered, else in-band.</summary>
    Auto,

    /// <summary>RFC 4733 when offered, else INFO.</summary>
    AutoInfo,
}
