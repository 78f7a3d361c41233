namespace Switchboard.Tls.Acme;

/// <summary>A certificate entry: v1 <c>Domain/Certificate/Key</c>, v2 <c>domain/certificate/key/Store</c>.</summary>
internal sealed class AcmeCertificateJson
{
    public AcmeDomainJson? Domain { get; set; }

    /// <summary>Base64 of the PEM chain (leaf first).</summary>
    public string? Certificate { get; set; }

    /// <summary>Base64 of the PEM private key.</summary>
    public string? Key { get; set; }
}
