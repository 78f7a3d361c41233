using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Auth;

public sealed class DigestTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private sealed class AlwaysFresh : IDigestNonceChecker
    {
        public DigestNonceValidity Check(ReadOnlySpan<byte> nonce) => DigestNonceValidity.Valid;
    }

    private sealed class Store(string user, string password) : IDigestSecretStore
    {
        public bool TryGetSecret(ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm, out DigestSecret secret)
        {
            secret = DigestSecret.FromPassword(B(password));
            return username.SequenceEqual(B(user));
        }
    }

    private static DigestCredentials Creds(string header)
    {
        Assert.True(DigestCredentials.TryParse(B(header), out DigestCredentials c), header);
        return c;
    }

    private static string Response(DigestAlgorithm alg, string user, string realm, string pw, string method, string uri, string nonce, string nc, string cnonce)
    {
        Span<byte> hex = stackalloc byte[64];
        int n = DigestClient.ComputeResponse(alg, B(user), B(realm), B(pw), B(method), B(uri), B(nonce), B(nc), B(cnonce), hex);
        return Encoding.ASCII.GetString(hex[..n]);
    }

    [Fact]
    public void Rfc2617Section3_5Vector()
    {
        Assert.Equal("6629fae49393a05397450978507c4ef1", Response(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life",
            "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b"));
        DigestCredentials c = Creds("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", " +
            "uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", " +
            "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        DigestVerifier v = new(new AlwaysFresh());
        Assert.Equal(DigestVerificationResult.Ok, v.Verify(c, "GET"u8, "testrealm@host.com"u8, new Store("Mufasa", "Circle Of Life")));
        Assert.Equal(DigestVerificationResult.WrongPassword, v.Verify(c, "GET"u8, "testrealm@host.com"u8, new Store("Mufasa", "circle of life")));
        Assert.Equal(DigestVerificationResult.UnknownUser, v.Verify(c, "GET"u8, "testrealm@host.com"u8, new Store("Simba", "Circle Of Life")));
        Assert.Equal(DigestVerificationResult.Malformed, v.Verify(c, "GET"u8, "other"u8, new Store("Mufasa", "Circle Of Life")));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616Section3_9_1Vectors(DigestAlgorithm alg, string expected)
    {
        const string nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        const string cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        Assert.Equal(expected, Response(alg, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html", nonce, "00000001", cnonce));
        string name = alg == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";
        DigestCredentials c = Creds($"Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm={name}, " +
            $"nonce=\"{nonce}\", nc=00000001, cnonce=\"{cnonce}\", qop=auth, response=\"{expected.ToUpperInvariant()}\", " +
            "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        Assert.Equal(alg, c.Algorithm);
        Assert.Equal(DigestVerificationResult.Ok, new DigestVerifier(new AlwaysFresh()).Verify(c, "GET"u8, "http-auth@example.org"u8, new Store("Mufasa", "Circle of Life")));
    }

    [Fact]
    public void Rfc2069StyleWithoutQopIsAccepted()
    {
        string response = Response(DigestAlgorithm.Md5, "alice", "pbx", "secret", "REGISTER", "sip:pbx", "n1", "", "");
        DigestCredentials c = Creds($"Digest username=\"alice\",realm=\"pbx\",nonce=\"n1\",uri=\"sip:pbx\",response=\"{response}\"");
        Assert.Equal(DigestVerificationResult.Ok, new DigestVerifier(new AlwaysFresh()).Verify(c, "REGISTER"u8, "pbx"u8, new Store("alice", "secret"), "sip:pbx"u8));
    }

    [Fact]
    public void SvcrackQopWithoutNcAndCnonceIsAcceptedWhenTheRfc2069ResponseMatches()
    {
        // tools.md §4: svcrack announces qop=auth but sends no nc/cnonce and computes the response without qop.
        string response = Response(DigestAlgorithm.Md5, "100", "asterisk", "secret", "REGISTER", "sip:127.0.0.1", "abc", "", "");
        DigestCredentials c = Creds($"Digest username=\"100\", realm=\"asterisk\", nonce=\"abc\", uri=\"sip:127.0.0.1\", response=\"{response}\", algorithm=MD5, qop=auth");
        DigestVerifier v = new(new AlwaysFresh());
        Assert.Equal(DigestVerificationResult.Ok, v.Verify(c, "REGISTER"u8, "asterisk"u8, new Store("100", "secret")));
        Assert.Equal(DigestVerificationResult.WrongPassword, v.Verify(c, "REGISTER"u8, "asterisk"u8, new Store("100", "guess")));
    }

    [Fact]
    public void Md5Ha1SecretWorksForMd5Only()
    {
        string ha1 = Convert.ToHexStringLower(MD5.HashData(B("bob:pbx:pw")));
        string response = Response(DigestAlgorithm.Md5, "bob", "pbx", "pw", "INVITE", "sip:x", "n", "00000001", "c");
        DigestCredentials c = Creds($"Digest username=\"bob\",realm=\"pbx\",nonce=\"n\",uri=\"sip:x\",qop=auth,nc=00000001,cnonce=\"c\",response=\"{response}\"");
        Assert.Equal(DigestVerificationResult.Ok, new DigestVerifier(new AlwaysFresh()).Verify(c, "INVITE"u8, "pbx"u8, new Ha1Store(ha1)));
    }

    private sealed class Ha1Store(string ha1) : IDigestSecretStore
    {
        public bool TryGetSecret(ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm, out DigestSecret secret)
        {
            secret = DigestSecret.FromMd5Ha1(B(ha1.ToUpperInvariant()));
            return true;
        }
    }

    [Fact]
    public void NoncesVerifyWithoutStorageAndExpireToStale()
    {
        FakeTimeProvider time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        DigestNonceManager nonces = new(time, TimeSpan.FromSeconds(32));
        byte[] nonce = new byte[DigestNonceManager.NonceLength];
        nonces.WriteNonce(nonce);
        Assert.Equal(DigestNonceValidity.Valid, nonces.Check(nonce));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(DigestNonceValidity.Valid, nonces.Check(nonce));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(DigestNonceValidity.Stale, nonces.Check(nonce));
        byte[] tampered = (byte[])nonce.Clone();
        tampered[3] = (byte)(tampered[3] == (byte)'0' ? '1' : '0');
        Assert.Equal(DigestNonceValidity.Invalid, nonces.Check(tampered));
        Assert.Equal(DigestNonceValidity.Invalid, new DigestNonceManager(time, TimeSpan.FromSeconds(32)).Check(nonce)); // other key
        Assert.Equal(DigestNonceValidity.Invalid, nonces.Check("short"u8));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    public void ClientAndServerRoundTripThroughHeaders(DigestAlgorithm alg)
    {
        FakeTimeProvider time = new();
        DigestNonceManager nonces = new(time, TimeSpan.FromSeconds(32));
        byte[] nonce = new byte[DigestNonceManager.NonceLength];
        nonces.WriteNonce(nonce);

        // server: challenge
        using PooledBufferWriter buf = new();
        SipMessageWriter w = new(buf);
        w.WriteStatusLine(401, "Unauthorized"u8);
        w.WriteHeader(SipHeaderId.Via, "SIP/2.0/UDP h;branch=z9hG4bK1"u8);
        DigestChallengeWriter.Write(w, proxy: false, "pbx.example"u8, alg, nonce, "op"u8);
        w.WriteEnd();
        Assert.True(SipMessageParser.TryParse(buf.WrittenMemory, out SipMessage? resp, out _));
        using (resp)
        {
            Assert.True(resp.TryGetHeader(SipHeaderId.WwwAuthenticate, out ReadOnlyMemory<byte> wwwAuth));
            Assert.True(DigestChallenge.TryParse(wwwAuth, out DigestChallenge ch));
            Assert.True(ch.OffersQopAuth);
            Assert.Equal(alg, ch.Algorithm);

            // client: answer
            using PooledBufferWriter req = new();
            SipMessageWriter rw = new(req);
            rw.WriteRequestLine(SipMethod.Register, "sip:pbx.example"u8);
            byte[] cnonce = new byte[DigestClient.CnonceLength];
            DigestClient.WriteCnonce(cnonce);
            Assert.True(DigestClient.TryWriteAuthorization(rw, ch, proxy: false, "al\"ice"u8, "pw"u8, "REGISTER"u8, "sip:pbx.example"u8, 1, cnonce));
            rw.WriteEnd();
            Assert.True(SipMessageParser.TryParse(req.WrittenMemory, out SipMessage? r, out _));
            using (r)
            {
                Assert.True(r.TryGetHeader(SipHeaderId.Authorization, out ReadOnlyMemory<byte> auth));
                DigestCredentials c = Creds(Encoding.UTF8.GetString(auth.Span));
                DigestVerifier v = new(nonces);
                Assert.Equal(DigestVerificationResult.Ok, v.Verify(c, "REGISTER"u8, "pbx.example"u8, new Store("al\"ice", "pw"), r.RequestUri.Span));
                time.Advance(TimeSpan.FromMinutes(1));
                Assert.Equal(DigestVerificationResult.Stale, v.Verify(c, "REGISTER"u8, "pbx.example"u8, new Store("al\"ice", "pw")));
                Assert.Equal(DigestVerificationResult.WrongPassword, v.Verify(c, "REGISTER"u8, "pbx.example"u8, new Store("al\"ice", "other")));
            }
        }
    }

    [Fact]
    public void StaleFlagAndUnknownSchemes()
    {
        Assert.True(DigestChallenge.TryParse(B("Digest realm=\"r\", nonce=\"n\", stale=TRUE, qop=\"auth,auth-int\""), out DigestChallenge ch));
        Assert.True(ch.Stale && ch.OffersQopAuth);
        Assert.False(DigestCredentials.TryParse(B("NoOneKnowsThisScheme opaque-data=here"), out _)); // RFC 4475 §3.3.7
        Assert.False(DigestCredentials.TryParse(B("Digest username=\"a\", realm=\"unterminated"), out _));
        Assert.False(DigestCredentials.TryParse(B("Digest username"), out _));
    }

    [Fact]
    public void UnknownUserAndWrongPasswordAreIndistinguishableToTheCaller()
    {
        // Both are failures that the registrar answers with the same fresh challenge (issue 2 item 7);
        // the verifier still tells them apart for security events.
        string response = Response(DigestAlgorithm.Md5, "ghost", "pbx", "x", "REGISTER", "sip:pbx", "n", "", "");
        DigestCredentials c = Creds($"Digest username=\"ghost\",realm=\"pbx\",nonce=\"n\",uri=\"sip:pbx\",response=\"{response}\"");
        DigestVerifier v = new(new AlwaysFresh());
        Assert.Equal(DigestVerificationResult.UnknownUser, v.Verify(c, "REGISTER"u8, "pbx"u8, new Store("alice", "x")));
        Assert.Equal(DigestVerificationResult.WrongPassword, v.Verify(c, "REGISTER"u8, "pbx"u8, new Store("ghost", "y")));
    }
}
