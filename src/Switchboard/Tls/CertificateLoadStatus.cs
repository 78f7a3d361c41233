namespace Switchboard.Tls;

/// <summary>Outcome of reading a certificate/key pair.</summary>
internal enum CertificateLoadStatus
{
    Loaded,

    /// <summary>A file is missing or empty (the self-signed certificate may be generated).</summary>
    Missing,

    /// <summary>A file exists but is unusable (not PEM, key does not match ...); never overwritten.</summary>
    Invalid,
}
