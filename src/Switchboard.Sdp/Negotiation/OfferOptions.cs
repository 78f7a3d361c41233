using System.Net;

namespace Switchboard.Sdp.Negotiation;

/// <summary>What to put in an offer: address/port of our RTP socket and the endpoint's codec preference list.</summary>
public sealed class OfferOptions
{
    /// <summary>Address for c= and o= (external_media_address when set, else the bound RTP address).</summary>
    public required IPAddress MediaAddress { get; init; }

    /// <summary>Our RTP port (even; RTCP is port + 1).</summary>
    public required int AudioPort { get; init; }

    /// <summary>Asterisk codec names in preference order (the endpoint's allow list).</summary>
    public required IReadOnlyList<string> Codecs { get; init; }

    /// <summary>Offer RFC 4733 telephone-event/8000 with events 0-16 (dtmf_mode=rfc4733).</summary>
    public bool TelephoneEvent { get; init; } = true;

    /// <summary>sendrecv normally; sendonly to put the remote on hold, sendrecv again to resume.</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.SendRecv;

    public int Ptime { get; init; } = 20;

    public int? MaxPtime { get; init; } = 150;

    /// <summary>Write a=rtcp:&lt;port+1&gt; (RFC 3605).</summary>
    public bool IncludeRtcpAttribute { get; init; }
}
