using System.Text;
using Switchboard.Tls.Acme;

namespace Switchboard.Tests.Tls;

public sealed class AcmeStoreReaderTests
{
    private static AcmeStore Read(string json)
    {
        Assert.True(AcmeStoreReader.TryRead(Encoding.UTF8.GetBytes(json), out AcmeStore? store, out string? error), error);
        return store!;
    }

    [Fact]
    public void V2_resolvers_and_certificates_are_decoded()
    {
        string json = TestCertificates.AcmeV2(
            ("le", "example.com", ["www.example.com"], "CERT-A", "KEY-A"),
            ("le", "pbx.example.com", [], "CERT-B", "KEY-B"),
            ("other", "sip.example.org", ["pbx.example.org"], "CERT-C", "KEY-C"));
        AcmeStore store = Read(json);
        Assert.Equal(2, store.Version);
        Assert.Equal(3, store.Certificates.Count);
        AcmeCertificateEntry c = store.Certificates[2];
        Assert.Equal("other", c.Resolver);
        Assert.Equal("sip.example.org", c.Main);
        Assert.Equal(["pbx.example.org"], c.Sans);
        Assert.Equal("CERT-C", c.CertificatePem);
        Assert.Equal("KEY-C", c.KeyPem);
        Assert.Empty(store.Problems);
    }

    [Fact]
    public void V1_file_is_decoded()
    {
        AcmeStore store = Read(TestCertificates.AcmeV1("example.com", ["pbx.example.com"], "CERT", "KEY"));
        Assert.Equal(1, store.Version);
        AcmeCertificateEntry entry = Assert.Single(store.Certificates);
        Assert.Equal("", entry.Resolver);
        Assert.Equal("example.com", entry.Main);
        Assert.Equal(["pbx.example.com"], entry.Sans);
        Assert.Equal("CERT", entry.CertificatePem);
    }

    [Fact]
    public void Hostname_wins_over_domain_main_over_san_and_wildcard_last()
    {
        AcmeStore store = Read(TestCertificates.AcmeV2(
            ("le", "*.example.com", [], "WILD", "K"),
            ("le", "example.com", ["pbx.example.com"], "DOMAIN-WITH-SAN", "K"),
            ("le", "pbx.example.com", [], "HOST", "K")));
        Assert.Equal("HOST", store.Find("pbx.example.com", "example.com")!.CertificatePem);
        Assert.Equal("DOMAIN-WITH-SAN", store.Find("other.example.com", "example.com")!.CertificatePem);
        Assert.Equal("WILD", store.Find("other.example.com", "elsewhere.test")!.CertificatePem);
        Assert.Null(store.Find("pbx.example.net", "example.net"));
    }

    [Fact]
    public void San_match_for_the_hostname_beats_the_domain_main()
    {
        AcmeStore store = Read(TestCertificates.AcmeV2(
            ("le", "example.com", [], "DOMAIN", "K"),
            ("le", "sip.example.com", ["pbx.example.com"], "SAN", "K")));
        Assert.Equal("SAN", store.Find("PBX.example.com", "example.com")!.CertificatePem);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"le\": {\"Certificates\": [", "not valid JSON")]
    [InlineData("[1,2,3]", "the top level is Array")]
    public void Bad_files_give_a_reason(string json, string reason)
    {
        Assert.False(AcmeStoreReader.TryRead(Encoding.UTF8.GetBytes(json), out AcmeStore? store, out string? error));
        Assert.Null(store);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_without_domain_or_with_bad_base64_are_reported_and_skipped()
    {
        const string json = """
            {"le":{"Certificates":[
              {"domain":{"sans":["x"]},"certificate":"QQ==","key":"QQ=="},
              {"domain":{"main":"bad.example.com"},"certificate":"%%%","key":"QQ=="},
              null,
              {"domain":{"main":"ok.example.com"},"certificate":"QQ==","key":"QQ=="}
            ]},
            "empty":{"Account":null,"Certificates":null}}
            """;
        AcmeStore store = Read(json);
        Assert.Equal("ok.example.com", Assert.Single(store.Certificates).Main);
        Assert.Equal(3, store.Problems.Count);
        Assert.Contains(store.Problems, p => p.Contains("bad.example.com", StringComparison.Ordinal) && p.Contains("not base64", StringComparison.Ordinal));
    }

    [Fact]
    public void A_json_object_without_resolvers_has_no_certificates()
    {
        AcmeStore store = Read("{\"something\": 1}");
        Assert.Empty(store.Certificates);
    }
}
