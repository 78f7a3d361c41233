namespace Switchboard.Sip.Tests.Transactions;

/// <summary>Request and response texts for the transaction tests.</summary>
internal static class SipTexts
{
    public static string Invite(string branch = "z9hG4bKinv1", string callId = "call-1", int cseq = 1, string toTag = "", string host = "127.0.0.1:5070", string extraHeaders = "")
        => "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n" +
           $"Via: SIP/2.0/UDP {host};branch={branch}\r\n" +
           "Max-Forwards: 70\r\n" +
           "Route: <sip:proxy1.example.com;lr>\r\n" +
           "Route: <sip:proxy2.example.com;lr>\r\n" +
           "From: \"Alice\" <sip:alice@example.com>;tag=fromtag1\r\n" +
           $"To: <sip:bob@example.com>{(toTag.Length > 0 ? ";tag=" + toTag : "")}\r\n" +
           $"Call-ID: {callId}\r\n" +
           $"CSeq: {cseq} INVITE\r\n" +
           "Contact: <sip:alice@127.0.0.1:5070>\r\n" +
           extraHeaders +
           "Content-Length: 0\r\n\r\n";

    public static string Request(string method, string branch = "z9hG4bKreq1", string callId = "call-2", int cseq = 1, string host = "127.0.0.1:5070", string toTag = "", string cseqMethod = "")
        => $"{method} sip:bob@127.0.0.1 SIP/2.0\r\n" +
           $"Via: SIP/2.0/UDP {host};branch={branch}\r\n" +
           "Max-Forwards: 70\r\n" +
           "From: <sip:alice@example.com>;tag=fromtag1\r\n" +
           $"To: <sip:bob@example.com>{(toTag.Length > 0 ? ";tag=" + toTag : "")}\r\n" +
           $"Call-ID: {callId}\r\n" +
           $"CSeq: {cseq} {(cseqMethod.Length > 0 ? cseqMethod : method)}\r\n" +
           "Content-Length: 0\r\n\r\n";

    public static string Ack(string branch = "z9hG4bKinv1", string callId = "call-1", int cseq = 1, string toTag = "t1", string host = "127.0.0.1:5070")
        => Request("ACK", branch, callId, cseq, host, toTag);

    public static string Response(int status, string branch, string method = "INVITE", string callId = "call-1", int cseq = 1, string toTag = "t1", string extraHeaders = "")
        => $"SIP/2.0 {status} Reason\r\n" +
           $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch}\r\n" +
           "From: \"Alice\" <sip:alice@example.com>;tag=fromtag1\r\n" +
           $"To: <sip:bob@example.com>{(toTag.Length > 0 ? ";tag=" + toTag : "")}\r\n" +
           $"Call-ID: {callId}\r\n" +
           $"CSeq: {cseq} {method}\r\n" +
           extraHeaders +
           "Content-Length: 0\r\n\r\n";
}
