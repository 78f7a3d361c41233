using Switchboard.Sip.Messages;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>
/// One test per RFC 4475 / RFC 5118 message: the outcome the RFC prescribes (section cited in each row).
/// Valid ones parse and are accepted; invalid ones get the response or the drop the RFC names.
/// </summary>
public sealed class TortureOutcomeTests
{
    public static TheoryData<string, string, string, TortureOutcome, int> Cases => new()
    {
        // rfc, message, RFC section, outcome, status
        { "rfc4475", "wsinv", "3.1.1.1 short tortuous INVITE: well formed", TortureOutcome.Accept, 0 },
        { "rfc4475", "intmeth", "3.1.1.2 unknown method with unusual characters: endpoints answer 501", TortureOutcome.Reject, 501 },
        { "rfc4475", "esc01", "3.1.1.3 valid % escaping", TortureOutcome.Accept, 0 },
        { "rfc4475", "escnull", "3.1.1.4 escaped nulls in URIs", TortureOutcome.Accept, 0 },
        { "rfc4475", "esc02", "3.1.1.5 % not an escape: RE%47IST%45R is an unknown method -> 501", TortureOutcome.Reject, 501 },
        { "rfc4475", "lwsdisp", "3.1.1.6 no LWS between display name and <", TortureOutcome.Accept, 0 },
        { "rfc4475", "longreq", "3.1.1.7 long values", TortureOutcome.Accept, 0 },
        { "rfc4475", "dblreq", "3.1.1.8 extra octets after the body are ignored", TortureOutcome.Accept, 0 },
        { "rfc4475", "semiuri", "3.1.1.9 ';' in the URI user part", TortureOutcome.Accept, 0 },
        { "rfc4475", "transports", "3.1.1.10 varied and unknown transports", TortureOutcome.Accept, 0 },
        { "rfc4475", "mpart01", "3.1.1.11 multipart body with NULs must be framed correctly", TortureOutcome.Accept, 0 },
        { "rfc4475", "unreason", "3.1.1.12 UTF-8 reason phrase", TortureOutcome.Accept, 0 },
        { "rfc4475", "noreason", "3.1.1.13 empty reason phrase", TortureOutcome.Accept, 0 },
        { "rfc4475", "badinv01", "3.1.2.1 extraneous separators in Via/Contact -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "clerr", "3.1.2.2 Content-Length larger than the datagram -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "ncl", "3.1.2.3 negative Content-Length -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "scalar02", "3.1.2.4 overlarge CSeq -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "scalarlg", "3.1.2.5 response with overlarge scalars is dropped", TortureOutcome.Drop, 0 },
        { "rfc4475", "quotbal", "3.1.2.6 unterminated quoted string -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "ltgtruri", "3.1.2.7 <> around the Request-URI -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "lwsruri", "3.1.2.8 LWS inside the Request-URI -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "lwsstart", "3.1.2.9 multiple SP in the Request-Line -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "trws", "3.1.2.10 SP at the end of the Request-Line -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "escruri", "3.1.2.11 headers in the Request-URI -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "baddate", "3.1.2.12 non-GMT Date -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "regbadct", "3.1.2.13 addr-spec with '?' not in <> -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "badaspec", "3.1.2.14 spaces within addr-spec -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "baddn", "3.1.2.15 non-token display name -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "badvers", "3.1.2.16 SIP/7.0 -> 505", TortureOutcome.Reject, 505 },
        { "rfc4475", "mismatch01", "3.1.2.17 CSeq method differs from the Request-Line -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "mismatch02", "3.1.2.18 unknown method with CSeq mismatch -> 501", TortureOutcome.Reject, 501 },
        { "rfc4475", "bigcode", "3.1.2.19 overlarge status code: dropped", TortureOutcome.Drop, 0 },
        { "rfc4475", "badbranch", "3.2.1 branch is only the magic cookie: still processed", TortureOutcome.Accept, 0 },
        { "rfc4475", "insuf", "3.3.1 missing To/From/Call-ID/Max-Forwards -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "unkscm", "3.3.2 unknown Request-URI scheme -> 416", TortureOutcome.Reject, 416 },
        { "rfc4475", "novelsc", "3.3.3 known but unsupported scheme -> 416", TortureOutcome.Reject, 416 },
        { "rfc4475", "unksm2", "3.3.4 unknown schemes in To/From/Contact are processed", TortureOutcome.Accept, 0 },
        { "rfc4475", "bext01", "3.3.5 unsupported Require -> 420 + Unsupported", TortureOutcome.Reject, 420 },
        { "rfc4475", "invut", "3.3.6 unknown Content-Type: passes validation, the INVITE handler answers 415", TortureOutcome.Accept, 0 },
        { "rfc4475", "regaut01", "3.3.7 unknown auth scheme: passes validation, the registrar challenges (401)", TortureOutcome.Accept, 0 },
        { "rfc4475", "multi01", "3.3.8 repeated single-valued headers -> 400", TortureOutcome.Reject, 400 },
        { "rfc4475", "mcl01", "3.3.9 multiple Content-Length values -> 400", TortureOutcome.RejectUnparsable, 400 },
        { "rfc4475", "bcast", "3.3.10 200 OK with a broadcast Via: well formed", TortureOutcome.Accept, 0 },
        { "rfc4475", "zeromf", "3.3.11 Max-Forwards 0: an endpoint answers OPTIONS normally", TortureOutcome.Accept, 0 },
        { "rfc4475", "cparam01", "3.3.12 Contact header parameter", TortureOutcome.Accept, 0 },
        { "rfc4475", "cparam02", "3.3.13 Contact URI parameter", TortureOutcome.Accept, 0 },
        { "rfc4475", "regescrt", "3.3.14 escaped header in a Contact URI", TortureOutcome.Accept, 0 },
        { "rfc4475", "sdp01", "3.3.15 Accept without SDP: passes validation, the INVITE handler answers 406", TortureOutcome.Accept, 0 },
        { "rfc4475", "inv2543", "3.4.1 RFC 2543 syntax is accepted", TortureOutcome.Accept, 0 },
        { "rfc5118", "ipv6-good", "4.1 IPv6 reference in R-URI, Via, Contact", TortureOutcome.Accept, 0 },
        { "rfc5118", "ipv6-bad", "4.2 IPv6 R-URI without [] -> 400", TortureOutcome.Reject, 400 },
        { "rfc5118", "port-ambiguous", "4.3 [2001:db8::10:5070] parses (no port)", TortureOutcome.Accept, 0 },
        { "rfc5118", "port-unambiguous", "4.4 [2001:db8::10]:5070", TortureOutcome.Accept, 0 },
        { "rfc5118", "via-received-param-with-delim", "4.5 received=[IPv6] must be accepted", TortureOutcome.Accept, 0 },
        { "rfc5118", "via-received-param-no-delim", "4.5 received=IPv6", TortureOutcome.Accept, 0 },
        { "rfc5118", "ipv6-in-sdp", "4.6 IPv6 in SDP", TortureOutcome.Accept, 0 },
        { "rfc5118", "mult-ip-in-header", "4.7 mixed IPv4/IPv6 Vias", TortureOutcome.Accept, 0 },
        { "rfc5118", "mult-ip-in-sdp", "4.8 multiple addresses in SDP", TortureOutcome.Accept, 0 },
        { "rfc5118", "ipv4-mapped-ipv6", "4.9 IPv4-mapped IPv6 addresses", TortureOutcome.Accept, 0 },
        { "rfc5118", "ipv6-bug-abnf-3-colons", "4.10 three-colon reference must be tolerated", TortureOutcome.Accept, 0 },
        { "rfc5118", "ipv6-correct-abnf-2-colons", "4.10 two-colon reference", TortureOutcome.Accept, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MessageGetsTheOutcomeTheRfcPrescribes(string rfc, string name, string section, TortureOutcome outcome, int status)
    {
        byte[] data = TortureCorpus.Load(rfc, name);
        RequestValidator validator = new(RequestValidationPolicy.Default);
        bool parsed = SipMessageParser.TryParse(data, out SipMessage? msg, out SipParseError error);
        using PooledBufferWriter output = new();
        switch (outcome)
        {
            case TortureOutcome.Accept:
                Assert.True(parsed, $"{section}: {error.Description} at {error.Offset}");
                if (msg!.IsRequest)
                {
                    Assert.Equal(SipValidationResult.Ok, validator.Validate(msg));
                }
                else
                {
                    Assert.True(ResponseValidator.IsAcceptable(msg), section);
                }

                break;

            case TortureOutcome.Reject:
                Assert.True(parsed, $"{section}: {error.Description}");
                Assert.True(msg!.IsRequest);
                SipValidationResult result = validator.Validate(msg);
                Assert.Equal(status, result.StatusCode);
                SipMessageWriter w = SipResponseFactory.Begin(output, msg, result.StatusCode, System.Text.Encoding.ASCII.GetBytes(result.Reason), "t1"u8);
                if (status == 420)
                {
                    validator.WriteUnsupported(w, msg);
                }

                w.WriteEnd();
                AssertResponse(output.WrittenMemory, status, msg.CallId);
                break;

            case TortureOutcome.RejectUnparsable:
                Assert.False(parsed, section);
                Assert.True(SipResponseBuilder.TryWriteErrorResponse(data, status, "Bad Request"u8, output), section);
                AssertResponse(output.WrittenMemory, status, default);
                break;

            case TortureOutcome.Drop:
                Assert.True(!parsed || !ResponseValidator.IsAcceptable(msg!), section);
                Assert.False(SipResponseBuilder.TryWriteErrorResponse(data, 400, "Bad Request"u8, output), "responses are never answered");
                break;
        }

        msg?.Dispose();
    }

    private static void AssertResponse(ReadOnlyMemory<byte> bytes, int status, ReadOnlyMemory<byte> callId)
    {
        Assert.True(SipMessageParser.TryParse(bytes, out SipMessage? resp, out SipParseError e), e.Description);
        using (resp)
        {
            Assert.False(resp.IsRequest);
            Assert.Equal(status, resp.StatusCode);
            // Via and CSeq are echoed as received (even when they are the broken part)
            Assert.True(resp.IndexOf(SipHeaderId.Via) >= 0);
            Assert.True(resp.IndexOf(SipHeaderId.CSeq) >= 0);
            if (!callId.IsEmpty)
            {
                Assert.True(resp.CallId.Span.SequenceEqual(callId.Span));
            }
        }
    }

    [Fact]
    public void EveryCorpusFileHasARow()
    {
        HashSet<string> rows = [];
        foreach (object[] row in Cases)
        {
            rows.Add((string)row[0] + "/" + (string)row[1]);
        }

        foreach ((string rfc, string name, _) in TortureCorpus.All())
        {
            Assert.Contains(rfc + "/" + name, rows);
        }

        Assert.Equal(61, rows.Count);
    }
}
