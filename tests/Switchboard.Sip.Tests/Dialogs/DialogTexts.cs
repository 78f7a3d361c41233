namespace Switchboard.Sip.Tests.Dialogs;

/// <summary>Messages for the dialog tests.</summary>
internal static class DialogTexts
{
    public const string IncomingInvite =
        "INVITE sips:bob@pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/TLS p2.example.com;branch=z9hG4bKp2\r\n" +
        "Via: SIP/2.0/TLS 10.0.0.1:5061;branch=z9hG4bKa1\r\n" +
        "Max-Forwards: 69\r\n" +
        "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n" +
        "Record-Route: <sip:p0.example.com;lr>\r\n" +
        "From: \"Alice\" <sips:alice@example.com>;tag=a-tag\r\n" +
        "To: <sips:bob@example.com>\r\n" +
        "Call-ID: dlg-call-1\r\n" +
        "CSeq: 314 INVITE\r\n" +
        "Contact: <sips:alice@10.0.0.1:5061;transport=tls>\r\n" +
        "Content-Length: 0\r\n\r\n";

    public const string OutgoingInvite =
        "INVITE sip:bob@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bKout1\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:pbx@192.0.2.10>;tag=our-tag\r\n" +
        "To: \"Bob\" <sip:bob@example.com>\r\n" +
        "Call-ID: dlg-call-2\r\n" +
        "CSeq: 20 INVITE\r\n" +
        "Contact: <sip:pbx@192.0.2.10:5060>\r\n" +
        "Content-Length: 0\r\n\r\n";

    public static string ResponseToOutgoing(int status, string toTag, string contact = "<sip:bob@198.51.100.7:5062>", string recordRoute = "Record-Route: <sip:p1.example.com;lr>\r\nRecord-Route: <sip:p2.example.com;lr>\r\n", string method = "INVITE", int cseq = 20)
        => $"SIP/2.0 {status} Whatever\r\n" +
           "Via: SIP/2.0/UDP 192.0.2.10:5060;rport=5060;branch=z9hG4bKout1\r\n" +
           recordRoute +
           "From: <sip:pbx@192.0.2.10>;tag=our-tag\r\n" +
           $"To: \"Bob\" <sip:bob@example.com>{(toTag.Length > 0 ? ";tag=" + toTag : "")}\r\n" +
           "Call-ID: dlg-call-2\r\n" +
           $"CSeq: {cseq} {method}\r\n" +
           (contact.Length > 0 ? $"Contact: {contact}\r\n" : "") +
           "Content-Length: 0\r\n\r\n";
}
