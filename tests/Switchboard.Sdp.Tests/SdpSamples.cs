namespace Switchboard.Sdp.Tests;

/// <summary>SDP bodies as real peers send them (line ends normalised to CRLF by <see cref="Crlf"/>).</summary>
internal static class SdpSamples
{
    /// <summary>SIPp's uac_pcap scenario offer.</summary>
    public const string SippPcma = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-11,16
        """;

    /// <summary>A typical phone offer: several codecs, dynamic telephone-event, ptime, sendrecv.</summary>
    public const string Phone = """
        v=0
        o=- 3913437894 3913437894 IN IP4 192.0.2.10
        s=pjmedia
        b=AS:84
        t=0 0
        a=X-nat:0
        m=audio 4000 RTP/AVP 9 0 8 3 96 18 97
        c=IN IP4 192.0.2.10
        b=TIAS:64000
        a=rtcp:4001 IN IP4 192.0.2.10
        a=sendrecv
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:3 GSM/8000
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:97 telephone-event/8000
        a=fmtp:97 0-16
        a=ptime:20
        a=ssrc:1234 cname:abc
        """;

    public const string Ipv6 = """
        v=0
        o=alice 2890844526 2890844527 IN IP6 2001:db8::1
        s=-
        c=IN IP6 2001:db8::1
        t=0 0
        m=audio 49170 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        """;

    /// <summary>RFC 2543-style hold: c=0.0.0.0.</summary>
    public const string HoldZeroAddress = """
        v=0
        o=- 1 2 IN IP4 192.0.2.10
        s=-
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 4000 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        """;

    /// <summary>Audio and video, as a video phone offers.</summary>
    public const string AudioVideo = """
        v=0
        o=- 7 7 IN IP4 192.0.2.20
        s=-
        c=IN IP4 192.0.2.20
        t=0 0
        m=audio 5004 RTP/AVP 0 8 101
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        m=video 5006 RTP/AVP 99
        a=rtpmap:99 H264/90000
        a=sendrecv
        """;

    /// <summary>The RFC 8866 §5 example (multicast, several lines).</summary>
    public const string Rfc8866Example = """
        v=0
        o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1
        s=Call to John Smith
        i=SDP Offer #1
        u=http://www.jdoe.example.com/home.html
        e=Jane Doe <jane@jdoe.example.com>
        p=+1 617 555-6011
        c=IN IP4 198.51.100.1
        t=0 0
        m=audio 49170 RTP/AVP 0
        m=audio 49180 RTP/AVP 0
        m=video 51372 RTP/AVP 99
        c=IN IP6 2001:db8::2
        a=rtpmap:99 h263-1998/90000
        """;

    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n") + "\r\n";

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(Crlf(text));
}
