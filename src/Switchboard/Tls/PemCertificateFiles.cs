using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Switchboard.Tls;

/// <summary>
/// Reads and writes the PEM pair the TLS transport uses (cert.pem = leaf + intermediates,
/// priv_key.pem = PKCS#8 key). Writes go through a temporary file and a rename, the key with
/// mode 0600, so a reader never sees half a file.
/// </summary>
internal static class PemCertificateFiles
{
    /// <summary>True when either file is absent or empty (what <see cref="TryLoad"/> reports as Missing), without parsing.</summary>
    public static bool IsMissingOrEmpty(string certFile, string keyFile)
    {
        try
        {
            var cert = new FileInfo(certFile);
            var key = new FileInfo(keyFile);
            return !cert.Exists || !key.Exists || cert.Length == 0 || key.Length == 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static CertificateLoadResult TryLoad(string certFile, string keyFile)
    {
        string certText;
        string keyText;
        try
        {
            certText = File.Exists(certFile) ? File.ReadAllText(certFile) : "";
            keyText = File.Exists(keyFile) ? File.ReadAllText(keyFile) : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CertificateLoadResult.Invalid($"cannot read {certFile} / {keyFile}: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(certText) || string.IsNullOrWhiteSpace(keyText))
        {
            return CertificateLoadResult.Missing($"{(string.IsNullOrWhiteSpace(certText) ? certFile : keyFile)} is missing or empty");
        }

        return FromPem(certText, keyText, "file " + certFile, certFile, keyFile);
    }

    /// <summary>Builds a server certificate from PEM text; names are used in error messages only.</summary>
    public static CertificateLoadResult FromPem(string certPem, string keyPem, string source, string certName, string keyName)
    {
        if (!certPem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return CertificateLoadResult.Invalid($"{certName} is not a PEM certificate (no BEGIN CERTIFICATE line)");
        }

        if (!keyPem.Contains("-----BEGIN", StringComparison.Ordinal) || !keyPem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return CertificateLoadResult.Invalid($"{keyName} is not a PEM private key (no BEGIN ... PRIVATE KEY line)");
        }

        try
        {
            X509Certificate2 leaf = X509Certificate2.CreateFromPem(certPem, keyPem);
            var all = new X509Certificate2Collection();
            all.ImportFromPem(certPem);
            var intermediates = new X509Certificate2Collection();
            for (int i = 1; i < all.Count; i++)
            {
                intermediates.Add(all[i]);
            }

            all[0].Dispose();
            return CertificateLoadResult.Loaded(new TlsServerCertificate(leaf, intermediates, source));
        }
        catch (CryptographicException ex)
        {
            return CertificateLoadResult.Invalid($"{certName} / {keyName} unusable: {ex.Message}");
        }
    }

    /// <summary>Writes the certificate (with its intermediates) and key atomically.</summary>
    public static void Write(string certFile, string keyFile, TlsServerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var certPem = new StringBuilder();
        certPem.Append(certificate.Certificate.ExportCertificatePem()).Append('\n');
        foreach (X509Certificate2 intermediate in certificate.Intermediates)
        {
            certPem.Append(intermediate.ExportCertificatePem()).Append('\n');
        }

        string keyPem = ExportKeyPem(certificate.Certificate) + "\n";
        WriteAtomic(keyFile, keyPem, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        WriteAtomic(certFile, certPem.ToString(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    public static string ExportKeyPem(X509Certificate2 certificate)
    {
        using AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
        return key switch
        {
            null => throw new CryptographicException("the certificate has no RSA or ECDSA private key"),
            _ => key.ExportPkcs8PrivateKeyPem(),
        };
    }

    private static void WriteAtomic(string path, string content, UnixFileMode mode)
    {
        string? dir = Path.GetDirectoryName(path);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        string temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
