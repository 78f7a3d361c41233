using System.Net;

namespace Switchboard.Config.Pjsip;

/// <summary>A <c>type=transport</c> object.</summary>
public sealed record PjsipTransport : PjsipObject
{
    /// <inheritdoc />
    public override string TypeName => "transport";

    /// <summary>udp (default), tcp, tls, ws or wss.</summary>
    public TransportProtocol Protocol { get; init; } = TransportProtocol.Udp;

    /// <summary>The <c>bind=</c> text as written (empty when not set).</summary>
    public string Bind { get; init; } = string.Empty;

    /// <summary>Address to bind (0.0.0.0 when not set).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>Port given in <c>bind=</c>, or 0 when absent (see <see cref="EffectivePort"/>).</summary>
    public int BindPort { get; init; }

    /// <summary>Port actually used: the bind port, else 5061 for TLS, else 5060 (ws/wss are served over HTTP).</summary>
    public int EffectivePort => BindPort != 0 ? BindPort : Protocol == TransportProtocol.Tls ? 5061 : 5060;

    /// <summary>Domain this transport is for (empty = any).</summary>
    public string Domain { get; init; } = string.Empty;

    /// <summary>Address put in signalling towards peers outside <see cref="LocalNets"/>.</summary>
    public string ExternalSignalingAddress { get; init; } = string.Empty;

    /// <summary>Port put in signalling towards external peers (0 = the bind port).</summary>
    public int ExternalSignalingPort { get; init; }

    /// <summary>Address put in SDP towards external peers.</summary>
    public string ExternalMediaAddress { get; init; } = string.Empty;

    /// <summary>Networks considered local (no external address rewriting).</summary>
    public IReadOnlyList<IPNetwork> LocalNets { get; init; } = [];

    /// <summary>TLS certificate file (PEM).</summary>
    public string CertFile { get; init; } = string.Empty;

    /// <summary>TLS private key file (PEM).</summary>
    public string PrivKeyFile { get; init; } = string.Empty;

    /// <summary>TLS CA list file.</summary>
    public string CaListFile { get; init; } = string.Empty;

    /// <summary>TLS CA directory.</summary>
    public string CaListPath { get; init; } = string.Empty;

    /// <summary>Password of the private key.</summary>
    public string Password { get; init; } = string.Empty;

    /// <summary>TLS method (tlsv1, tlsv1_1, tlsv1_2, tlsv1_3, sslv23, ...); empty = library default.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>TLS cipher list (empty = default).</summary>
    public string Cipher { get; init; } = string.Empty;

    /// <summary>Require and verify client certificates.</summary>
    public bool VerifyClient { get; init; }

    /// <summary>Verify server certificates on outbound TLS.</summary>
    public bool VerifyServer { get; init; }

    /// <summary>Require a client certificate.</summary>
    public bool RequireClientCert { get; init; }

    /// <summary>TOS byte for signalling packets.</summary>
    public int Tos { get; init; }

    /// <summary>802.1p class of service for signalling (0-7).</summary>
    public int Cos { get; init; }

    /// <summary>Whether a reload may change this transport (Asterisk's default: no).</summary>
    public bool AllowReload { get; init; }

    /// <summary>Use the transport a request came in on for replies (symmetric_transport).</summary>
    public bool SymmetricTransport { get; init; }
}
