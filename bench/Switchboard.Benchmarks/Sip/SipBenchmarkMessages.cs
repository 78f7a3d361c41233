namespace Switchboard.Benchmarks.Sip;

/// <summary>Benchmark inputs: RFC 4475 §3.1.1.1 wsinv (the exact test bytes) and a typical authenticated REGISTER.</summary>
internal static class SipBenchmarkMessages
{
    /// <summary>RFC 4475 wsinv.dat (base64 of the bytes in tests/Switchboard.Sip.Tests/TestData/rfc4475/wsinv.dat).</summary>
    public static byte[] Wsinv => Convert.FromBase64String(
        "SU5WSVRFIHNpcDp2aXZla2dAY2hhaXItZG5yYy5leGFtcGxlLmNvbTt1bmtub3ducGFyYW0gU0lQLzIuMA0KVE8gOg0KIHNpcDp2" +
        "aXZla2dAY2hhaXItZG5yYy5leGFtcGxlLmNvbSA7ICAgdGFnICAgID0gMTkxODE4MTgzM24NCmZyb20gICA6ICJKIFJvc2VuYmVy" +
        "ZyBcXFwiIiAgICAgICA8c2lwOmpkcm9zZW5AZXhhbXBsZS5jb20+DQogIDsNCiAgdGFnID0gOThhc2pkOA0KTWFYLWZPcldhUmRT" +
        "OiAwMDY4DQpDYWxsLUlEOiB3c2ludi5uZGFrc2RqQDE5Mi4wLjIuMQ0KQ29udGVudC1MZW5ndGggICA6IDE1MA0KY3NlcTogMDAw" +
        "OQ0KICBJTlZJVEUNClZpYSAgOiBTSVAgIC8gICAyLjANCiAvVURQDQogICAgMTkyLjAuMi4yO2JyYW5jaD0zOTBza2RqdXcNCnMg" +
        "Og0KTmV3RmFuZ2xlZEhlYWRlcjogICBuZXdmYW5nbGVkIHZhbHVlDQogY29udGludWVkIG5ld2ZhbmdsZWQgdmFsdWUNClVua25v" +
        "d25IZWFkZXJXaXRoVW51c3VhbFZhbHVlOiA7OywsOzssOw0KQ29udGVudC1UeXBlOiBhcHBsaWNhdGlvbi9zZHANClJvdXRlOg0K" +
        "IDxzaXA6c2VydmljZXMuZXhhbXBsZS5jb207bHI7dW5rbm93bndpdGg9dmFsdWU7dW5rbm93bi1uby12YWx1ZT4NCnY6ICBTSVAg" +
        "IC8gMi4wICAvIFRDUCAgICAgc3BpbmRsZS5leGFtcGxlLmNvbSAgIDsNCiAgYnJhbmNoICA9ICAgejloRzRiSzlpa2o4ICAsDQog" +
        "U0lQICAvICAgIDIuMCAgIC8gVURQICAxOTIuMTY4LjI1NS4xMTEgICA7IGJyYW5jaD0NCiB6OWhHNGJLMzAyMzkNCm06IlF1b3Rl" +
        "ZCBzdHJpbmcgXCJcIiIgPHNpcDpqZHJvc2VuQGV4YW1wbGUuY29tPiA7IG5ld3BhcmFtID0NCiAgICAgIG5ld3ZhbHVlIDsNCiAg" +
        "c2Vjb25kcGFyYW0gOyBxID0gMC4zMw0KDQp2PTANCm89bWhhbmRsZXkgMjk3MzkgNzI3MjkzOSBJTiBJUDQgMTkyLjAuMi4zDQpz" +
        "PS0NCmM9SU4gSVA0IDE5Mi4wLjIuNA0KdD0wIDANCm09YXVkaW8gNDkyMTcgUlRQL0FWUCAwIDEyDQptPXZpZGVvIDMyMjcgUlRQ" +
        "L0FWUCAzMQ0KYT1ydHBtYXA6MzEgTFBDDQo=");

    /// <summary>A REGISTER as a softphone sends it after a 401, with digest credentials.</summary>
    public static byte[] Register => System.Text.Encoding.ASCII.GetBytes(
        "REGISTER sip:pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5062;rport;branch=z9hG4bK-524287-1---a1b2c3d4e5f60718\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:alice@192.0.2.10:5062;rinstance=6f8d2a1b9c3e4f50;transport=UDP>\r\n" +
        "To: <sip:alice@pbx.example.com>\r\n" +
        "From: <sip:alice@pbx.example.com>;tag=4f2a9c1d\r\n" +
        "Call-ID: YzQ5NmQ0ZDFkYzE5MjM0ZmE5ZGQ0MzE1OWJjNjA5ZjM\r\n" +
        "CSeq: 2 REGISTER\r\n" +
        "Expires: 3600\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n" +
        "Supported: replaces, norefersub, extended-refer, timer, outbound, path, X-cisco-serviceuri\r\n" +
        "User-Agent: Z 5.6.1 v2.10.19.9\r\n" +
        "Authorization: Digest username=\"alice\",realm=\"pbx.example.com\",nonce=\"0000019c5e3f2a10d1c0ffee12345678a3f1c2d4e5b6a7980112233445566778\",uri=\"sip:pbx.example.com\",response=\"7d2a0c5b1e4f3a6978b0c1d2e3f40516\",cnonce=\"a1b2c3d4e5f60718\",nc=00000001,qop=auth,algorithm=MD5\r\n" +
        "Allow-Events: presence, kpml, talk\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");
}
