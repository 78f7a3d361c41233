namespace Switchboard.Tls.Acme;

/// <summary>The certificates of a Traefik acme.json, plus entries that could not be decoded.</summary>
/// <param name="Version">1 or 2 (file layout).</param>
internal sealed record AcmeStore(int Version, IReadOnlyList<AcmeCertificateEntry> Certificates, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// The certificate for HOSTNAME, else for DOMAIN: exact main domain first, then SANs, then a
    /// wildcard <c>*.DOMAIN</c> entry (main or SAN) when HOSTNAME is directly under DOMAIN.
    /// </summary>
    public AcmeCertificateEntry? Find(string hostName, string? domain)
    {
        foreach (string? name in (ReadOnlySpan<string?>)[hostName, domain])
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            foreach (AcmeCertificateEntry entry in Certificates)
            {
                if (entry.Main.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry;
                }
            }

            foreach (AcmeCertificateEntry entry in Certificates)
            {
                if (entry.Covers(name))
                {
                    return entry;
                }
            }
        }

        int dot = hostName.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            string wildcard = "*" + hostName[dot..];
            foreach (AcmeCertificateEntry entry in Certificates)
            {
                if (entry.Covers(wildcard))
                {
                    return entry;
                }
            }
        }

        return null;
    }
}
