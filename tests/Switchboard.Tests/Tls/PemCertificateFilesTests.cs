using Switchboard.Tests.Hosting;
using Switchboard.Tls;

namespace Switchboard.Tests.Tls;

public sealed class PemCertificateFilesTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Written_pair_loads_back_with_the_same_certificate()
    {
        using var dir = new TestDirectory();
        TlsServerCertificate original = TestCertificates.SelfSigned("pbx.example.com");
        string cert = dir.Combine("ssl", "cert.pem");
        string key = dir.Combine("ssl", "priv_key.pem");

        PemCertificateFiles.Write(cert, key, original);
        CertificateLoadResult loaded = PemCertificateFiles.TryLoad(cert, key);

        Assert.Equal(CertificateLoadStatus.Loaded, loaded.Status);
        Assert.Equal(original.Thumbprint, loaded.Certificate!.Thumbprint);
        Assert.True(loaded.Certificate.Certificate.HasPrivateKey);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(cert), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.False(File.Exists(cert + ".tmp"));
    }

    [Fact]
    public void Chain_and_ec_keys_are_kept()
    {
        using var dir = new TestDirectory();
        var (chain, keyPem, thumbprint) = TestCertificates.CaSigned("pbx.example.com");
        string cert = dir.Write("cert.pem", chain);
        string key = dir.Write("priv_key.pem", keyPem);

        CertificateLoadResult loaded = PemCertificateFiles.TryLoad(cert, key);
        Assert.Equal(CertificateLoadStatus.Loaded, loaded.Status);
        Assert.Equal(thumbprint, loaded.Certificate!.Thumbprint);
        Assert.Equal("CN=Test ACME CA", Assert.Single(loaded.Certificate.Intermediates).Subject);
        Assert.False(loaded.Certificate.IsSelfSigned);

        PemCertificateFiles.Write(dir.Combine("copy.pem"), dir.Combine("copy.key"), loaded.Certificate);
        Assert.Equal(2, File.ReadAllText(dir.Combine("copy.pem")).Split("BEGIN CERTIFICATE").Length - 1);
    }

    [Fact]
    public void Missing_or_empty_files_are_missing()
    {
        using var dir = new TestDirectory();
        Assert.Equal(CertificateLoadStatus.Missing, PemCertificateFiles.TryLoad(dir.Combine("a"), dir.Combine("b")).Status);
        string cert = dir.Write("cert.pem", "");
        string key = dir.Write("key.pem", "x");
        Assert.Equal(CertificateLoadStatus.Missing, PemCertificateFiles.TryLoad(cert, key).Status);
    }

    [Fact]
    public void A_cert_that_is_not_pem_is_invalid_with_a_clear_reason()
    {
        using var dir = new TestDirectory();
        string cert = dir.Write("cert.pem", "this is not a certificate\n");
        string key = dir.Write("key.pem", PemCertificateFiles.ExportKeyPem(TestCertificates.SelfSigned("x").Certificate));
        CertificateLoadResult result = PemCertificateFiles.TryLoad(cert, key);
        Assert.Equal(CertificateLoadStatus.Invalid, result.Status);
        Assert.Equal($"{cert} is not a PEM certificate (no BEGIN CERTIFICATE line)", result.Error);
    }

    [Fact]
    public void A_key_that_does_not_match_is_invalid()
    {
        using var dir = new TestDirectory();
        TlsServerCertificate a = TestCertificates.SelfSigned("a");
        TlsServerCertificate b = TestCertificates.SelfSigned("b");
        string cert = dir.Write("cert.pem", a.Certificate.ExportCertificatePem());
        string key = dir.Write("key.pem", PemCertificateFiles.ExportKeyPem(b.Certificate));
        CertificateLoadResult result = PemCertificateFiles.TryLoad(cert, key);
        Assert.Equal(CertificateLoadStatus.Invalid, result.Status);
        Assert.Contains("unusable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_between_pem_markers_is_invalid()
    {
        using var dir = new TestDirectory();
        string cert = dir.Write("cert.pem", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
        string key = dir.Write("key.pem", "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n");
        Assert.Equal(CertificateLoadStatus.Invalid, PemCertificateFiles.TryLoad(cert, key).Status);
    }
}
