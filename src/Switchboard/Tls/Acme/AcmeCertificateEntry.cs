namespace Switchboard.Tls.Acme;

/// <summary>A decoded certificate of acme.json.</summary>
/// <param name="Resolver">The v2 resolver name; "" for v1.</param>
internal sealed record AcmeCertificateEntry(string Resolver, string Main, IReadOnlyList<string> Sans, string CertificatePem, string KeyPem)
{
    public bool Covers(string name)
    {
        if (Main.Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string san in Sans)
        {
            if (san.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
