using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Uris;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>The facts RFC 4475 §3.1.1 / §3.3 and RFC 5118 §4 name for the valid messages.</summary>
public sealed class TortureKeyFactsTests
{
    private static string S(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    private static SipMessage Parse(string rfc, string name)
    {
        Assert.True(SipMessageParser.TryParse(TortureCorpus.Load(rfc, name), out SipMessage? m, out SipParseError e), e.Description);
        return m;
    }

    private static SipNameAddr Na(SipMessage m, SipHeaderId id)
    {
        Assert.True(m.TryGetNameAddr(id, out SipNameAddr na), id.ToString());
        return na;
    }

    private static SipUri U(ReadOnlyMemory<byte> bytes)
    {
        Assert.True(SipUri.TryParse(bytes, out SipUri u), S(bytes));
        return u;
    }

    private static List<SipVia> Vias(SipMessage m)
    {
        List<SipVia> list = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(SipHeaderId.Via))
        {
            Assert.True(SipVia.TryParse(v, out SipVia via), S(v));
            list.Add(via);
        }

        return list;
    }

    [Fact]
    public void Wsinv_FoldingEscapesMixedFormsAndLeadingZeros()
    {
        using SipMessage m = Parse("rfc4475", "wsinv");
        Assert.Equal(SipMethod.Invite, m.Method);
        SipUri ruri = U(m.RequestUri);
        Assert.Equal("vivekg", S(ruri.User));
        Assert.True(ruri.TryGetParameter("unknownparam"u8, out ReadOnlyMemory<byte> up) && up.IsEmpty);
        Assert.True(m.TryGetTo(out SipNameAddr to));
        Assert.Equal("1918181833n", S(to.Tag));
        Assert.True(m.TryGetFrom(out SipNameAddr from));
        Assert.Equal("J Rosenberg \\\\\\\"", S(from.DisplayName));
        Assert.Equal("98asjd8", S(from.Tag));
        Assert.True(m.TryGetMaxForwards(out int mf));
        Assert.Equal(68, mf);
        Assert.True(m.TryGetCSeq(out SipCSeq cseq));
        Assert.Equal(9u, cseq.Number);
        Assert.Equal(SipMethod.Invite, cseq.Method);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", S(m.CallId));
        List<SipVia> vias = Vias(m);
        Assert.Equal(3, vias.Count);
        Assert.Equal(("UDP", "192.0.2.2", "390skdjuw"), (S(vias[0].Transport), S(vias[0].Host), S(vias[0].Branch)));
        Assert.Equal(("TCP", "spindle.example.com", "z9hG4bK9ikj8"), (S(vias[1].Transport), S(vias[1].Host), S(vias[1].Branch)));
        Assert.Equal(("UDP", "192.168.255.111", "z9hG4bK30239"), (S(vias[2].Transport), S(vias[2].Host), S(vias[2].Branch)));
        Assert.True(m.TryGetHeader(SipHeaderId.Subject, out ReadOnlyMemory<byte> subject) && subject.IsEmpty);
        Assert.True(m.TryGetHeader("newfangledheader"u8, out ReadOnlyMemory<byte> nf));
        Assert.Equal("newfangled value\r\n continued newfangled value", S(nf));
        Assert.True(m.TryGetHeader("UnknownHeaderWithUnusualValue"u8, out ReadOnlyMemory<byte> unusual));
        Assert.Equal(";;,,;;,;", S(unusual));
        SipHeaderValues contacts = m.GetValues(SipHeaderId.Contact);
        Assert.True(contacts.MoveNext());
        Assert.True(SipNameAddr.TryParse(contacts.Current, out SipNameAddr contact));
        Assert.Equal("Quoted string \\\"\\\"", S(contact.DisplayName));
        Assert.Equal("0.33", S(contact.Q));
        Assert.True(SipParameters.TryGet(contact.Parameters, "newparam"u8, out ReadOnlyMemory<byte> np));
        Assert.Equal("newvalue", S(np));
        Assert.False(contacts.MoveNext());
        Assert.True(m.TryGetHeader(SipHeaderId.Route, out ReadOnlyMemory<byte> route));
        Assert.True(SipNameAddr.TryParse(route, out SipNameAddr r));
        Assert.True(U(r.Uri).IsLooseRouter);
        Assert.Equal(150, m.Body.Length);
        Assert.Equal("application/sdp", S(m.ContentType));
    }

    [Fact]
    public void Intmeth_UnusualTokensAreKeptAndTheMethodIsUnknown()
    {
        using SipMessage m = Parse("rfc4475", "intmeth");
        Assert.Equal(SipMethod.Unknown, m.Method);
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", S(m.MethodBytes));
        SipUri uri = U(m.RequestUri);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", S(uri.User));
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", S(uri.Password));
        Assert.Equal("example.com", S(uri.Host));
        Assert.True(m.TryGetTopVia(out SipVia via));
        Assert.Equal("z9hG4bK-.!%66*_+`'~", S(via.Branch));
        Assert.True(m.TryGetTo(out SipNameAddr to));
        Assert.Contains((byte)0, to.DisplayName.ToArray());
        Assert.True(m.TryGetFrom(out SipNameAddr from));
        Assert.Equal("token1~` token2'+_ token3*%!.-", S(from.DisplayName));
        Assert.Equal("_token~1'+`*%!-.", S(from.Tag));
        Assert.True(m.TryGetCSeq(out SipCSeq cseq));
        Assert.Equal(139122385u, cseq.Number);
        Assert.True(cseq.MethodEquals(m.MethodBytes.Span));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", S(m.CallId));
        Assert.True(m.TryGetHeader("extensionHeader-!.%*+_`'~"u8, out ReadOnlyMemory<byte> ext));
        Assert.Equal("\uFEFF大停電", S(ext));
    }

    [Fact]
    public void Esc01_EscapedUrisAreEquivalentToTheirUnescapedForms()
    {
        using SipMessage m = Parse("rfc4475", "esc01");
        SipUri ruri = U(m.RequestUri);
        Assert.Equal("sips%3Auser%40example.com", S(ruri.User));
        Assert.Equal("example.net", S(ruri.Host));
        SipUri toUri = U(Na(m, SipHeaderId.To).Uri);
        SipUri plain = U("sip:user@example.com"u8.ToArray());
        Assert.True(SipUriComparer.AreEquivalent(toUri, plain));
        SipUri curi = U(Na(m, SipHeaderId.Contact).Uri);
        SipUri cplain = U("sip:caller@host5.example.net;lr;name=value%2541"u8.ToArray());
        Assert.True(SipUriComparer.AreEquivalent(curi, cplain));
    }

    [Fact]
    public void Escnull_TwoDistinctContacts()
    {
        using SipMessage m = Parse("rfc4475", "escnull");
        List<SipUri> uris = [];
        foreach (ReadOnlyMemory<byte> v in m.GetValues(SipHeaderId.Contact))
        {
            Assert.True(SipNameAddr.TryParse(v, out SipNameAddr na));
            uris.Add(U(na.Uri));
        }

        Assert.Equal(2, uris.Count);
        Assert.False(SipUriComparer.AreEquivalent(uris[0], uris[1]));
        Assert.Equal("null-%00-null", S(U(Na(m, SipHeaderId.To).Uri).User));
    }

    [Fact]
    public void Esc02_PercentInHeaderNameIsNotAnEscape()
    {
        using SipMessage m = Parse("rfc4475", "esc02");
        Assert.Equal(2, m.GetValues(SipHeaderId.Contact).Count());
        Assert.True(m.TryGetHeader("C%6Fntact"u8, out _));
        Assert.True(m.TryGetTo(out SipNameAddr to));
        Assert.Equal("%Z%45", S(to.DisplayName));
    }

    [Fact]
    public void Lwsdisp_DisplayNameWithoutSpace()
    {
        using SipMessage m = Parse("rfc4475", "lwsdisp");
        Assert.True(m.TryGetFrom(out SipNameAddr from));
        Assert.Equal("caller", S(from.DisplayName));
        Assert.Equal("sip:caller@example.com", S(from.Uri));
    }

    [Fact]
    public void Longreq_ManyViasAndLongValues()
    {
        using SipMessage m = Parse("rfc4475", "longreq");
        List<SipVia> vias = Vias(m);
        Assert.Equal(34, vias.Count);
        Assert.Equal("sip33.example.com", S(vias[0].Host));
        Assert.Equal("sip22.example.com", S(vias[11].Host));
        Assert.Equal("host.example.com", S(vias[33].Host));
        Assert.Equal("192.0.2.5", S(vias[33].Received));
        Assert.Equal(4 + (50 * 4) + 11, vias[33].Branch.Length);
        Assert.Equal(6000, U(Na(m, SipHeaderId.To).Uri).Port);
        Assert.True(m.TryGetFrom(out SipNameAddr from));
        Assert.Equal(2 + (50 * 3) + 3, from.Tag.Length);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Dblreq_TrailingOctetsAreDiscarded()
    {
        byte[] data = TortureCorpus.Load("rfc4475", "dblreq");
        using SipMessage m = Parse("rfc4475", "dblreq");
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", S(m.CallId));
        Assert.True(m.Body.IsEmpty);
        Assert.True(m.Buffer.Length < data.Length);
        Assert.DoesNotContain("INVITE", S(m.Buffer), StringComparison.Ordinal);
    }

    [Fact]
    public void Semiuri_UserPartKeepsItsSemicolon()
    {
        using SipMessage m = Parse("rfc4475", "semiuri");
        SipUri uri = U(m.RequestUri);
        Assert.Equal("user;par=u%40example.net", S(uri.User));
        Assert.Equal("example.com", S(uri.Host));
        Assert.True(uri.Parameters.IsEmpty);
        Assert.Equal(6, m.GetValues(SipHeaderId.Accept).Count());
    }

    [Fact]
    public void Transports_AllFiveViasWithTheirTransports()
    {
        using SipMessage m = Parse("rfc4475", "transports");
        List<SipVia> vias = Vias(m);
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], vias.Select(v => S(v.Transport)).ToArray());
    }

    [Fact]
    public void Mpart01_BinaryBodyIsFramedByContentLength()
    {
        using SipMessage m = Parse("rfc4475", "mpart01");
        Assert.Equal(553, m.Body.Length);
        Assert.Contains((byte)0, m.Body.ToArray());
        Assert.Equal("multipart/mixed", S(m.ContentType));
        Assert.True(m.TryGetTopVia(out SipVia via) && via.HasRport && via.Rport == -1 && via.Port == 5070);
        Assert.EndsWith("--7a9cbec02ceef655--\r\n", S(m.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreason_And_Noreason_ReasonPhrases()
    {
        using (SipMessage m = Parse("rfc4475", "unreason"))
        {
            Assert.Equal(200, m.StatusCode);
            Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", S(m.ReasonPhrase));
        }

        using (SipMessage m = Parse("rfc4475", "noreason"))
        {
            Assert.Equal(100, m.StatusCode);
            Assert.True(m.ReasonPhrase.IsEmpty);
        }
    }

    [Fact]
    public void Bext01_UnsupportedListsOnlyRequireTags()
    {
        using SipMessage m = Parse("rfc4475", "bext01");
        RequestValidator v = new(RequestValidationPolicy.Default);
        using PooledBufferWriter buf = new();
        SipMessageWriter w = new(buf);
        v.WriteUnsupported(w, m);
        Assert.Equal("Unsupported: nothingSupportsThis, nothingSupportsThisEither\r\n", Encoding.ASCII.GetString(buf.WrittenSpan));
    }

    [Fact]
    public void Invut_And_Sdp01_ContentNegotiationHelpers()
    {
        using (SipMessage m = Parse("rfc4475", "invut"))
        {
            Assert.False(RequestValidator.IsBodyTypeAccepted(m, "application/sdp"u8)); // -> 415 with Accept
        }

        using (SipMessage m = Parse("rfc4475", "sdp01"))
        {
            Assert.True(RequestValidator.IsBodyTypeAccepted(m, "application/sdp"u8));
            Assert.False(RequestValidator.AcceptsResponseType(m, "application/sdp"u8)); // -> 406
        }
    }

    [Fact]
    public void Zeromf_InviteWithZeroMaxForwardsIsTooManyHops()
    {
        byte[] data = TortureCorpus.Load("rfc4475", "zeromf");
        string text = Encoding.ASCII.GetString(data).Replace("OPTIONS", "INVITE", StringComparison.Ordinal);
        Assert.True(SipMessageParser.TryParse(Encoding.ASCII.GetBytes(text), out SipMessage? m, out _));
        using (m)
        {
            Assert.Equal(483, new RequestValidator(RequestValidationPolicy.Default).Validate(m).StatusCode);
        }
    }

    [Fact]
    public void Cparam_HeaderParameterVersusUriParameter()
    {
        using (SipMessage m = Parse("rfc4475", "cparam01"))
        {
            SipNameAddr c = Na(m, SipHeaderId.Contact);
            SipUri u = U(c.Uri);
            Assert.True(u.Parameters.IsEmpty);
            Assert.True(SipParameters.TryGet(c.Parameters, "unknownparam"u8, out _));
        }

        using (SipMessage m = Parse("rfc4475", "cparam02"))
        {
            SipNameAddr c = Na(m, SipHeaderId.Contact);
            SipUri u = U(c.Uri);
            Assert.True(u.TryGetParameter("unknownparam"u8, out _));
            Assert.True(c.Parameters.IsEmpty);
        }
    }

    [Fact]
    public void Regescrt_ContactUriCarriesEscapedHeader()
    {
        using SipMessage m = Parse("rfc4475", "regescrt");
        SipUri u = U(Na(m, SipHeaderId.Contact).Uri);
        Assert.Equal("Route=%3Csip:sip.example.com%3E", S(u.Headers));
    }

    [Fact]
    public void Inv2543_NoMaxForwardsNoBranchNoContentLength()
    {
        using SipMessage m = Parse("rfc4475", "inv2543");
        Assert.False(m.TryGetMaxForwards(out _));
        Assert.True(m.TryGetTopVia(out SipVia via) && via.Branch.IsEmpty);
        Assert.Equal(-1, m.ContentLength);
        Assert.EndsWith("m=audio 49217 RTP/AVP 0\r\n", S(m.Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ipv6-good", "[2001:db8::10]", -1)]
    [InlineData("port-ambiguous", "[2001:db8::10:5070]", -1)]
    [InlineData("port-unambiguous", "[2001:db8::10]", 5070)]
    [InlineData("ipv6-bug-abnf-3-colons", "[2001:db8:::192.0.2.1]", -1)]
    [InlineData("ipv6-correct-abnf-2-colons", "[2001:db8::192.0.2.1]", -1)]
    public void Rfc5118_RequestUriHostAndPort(string name, string host, int port)
    {
        using SipMessage m = Parse("rfc5118", name);
        SipUri uri = U(m.RequestUri);
        Assert.Equal(SipHostKind.IPv6, uri.HostKind);
        Assert.Equal(host, S(uri.Host));
        Assert.Equal(port, uri.Port);
    }

    [Theory]
    [InlineData("via-received-param-with-delim", "[2001:db8::9:255]")]
    [InlineData("via-received-param-no-delim", "2001:db8::9:255")]
    public void Rfc5118_ViaReceivedWithAndWithoutBrackets(string name, string received)
    {
        using SipMessage m = Parse("rfc5118", name);
        Assert.True(m.TryGetTopVia(out SipVia via));
        Assert.Equal("[2001:db8::9:1]", S(via.Host));
        Assert.Equal(received, S(via.Received));
    }

    [Fact]
    public void Rfc5118_MixedViasAndMappedAddresses()
    {
        using (SipMessage m = Parse("rfc5118", "mult-ip-in-header"))
        {
            List<SipVia> vias = Vias(m);
            Assert.Equal(3, vias.Count);
            Assert.Equal(("[2001:db8::9:1]", 6050), (S(vias[0].Host), vias[0].Port));
            Assert.Equal("192.0.2.1", S(vias[1].Host));
            Assert.Equal(("TCP", "192.0.2.200"), (S(vias[2].Transport), S(vias[2].Received)));
        }

        using (SipMessage m = Parse("rfc5118", "ipv4-mapped-ipv6"))
        {
            List<SipVia> vias = Vias(m);
            Assert.Equal(("[::ffff:192.0.2.10]", 19823), (S(vias[0].Host), vias[0].Port));
            SipNameAddr c = Na(m, SipHeaderId.Contact);
            SipUri u = U(c.Uri);
            Assert.Equal("[::ffff:192.0.2.2]", S(u.Host));
            Assert.Contains("c=IN IP6 ::ffff:192.0.2.2", S(m.Body), StringComparison.Ordinal);
        }
    }
}
