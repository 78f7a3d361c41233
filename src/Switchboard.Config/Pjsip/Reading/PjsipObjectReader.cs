using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>Builds one typed PJSIP object from its option entries and checks it on its own.</summary>
internal static class PjsipObjectReader
{
    /// <summary>Object types Asterisk has that we do not implement.</summary>
    private static readonly string[] UnsupportedTypes =
    [
        "system", "domain_alias", "contact", "acl", "phoneprov", "outbound-publish", "inbound-publication",
        "asterisk-publication", "resource_list", "subscription_persistence", "security_mechanism", "stir_shaken",
    ];

    public static bool IsSupportedType(string type) =>
        type is "global" or "transport" or "endpoint" or "aor" or "auth" or "identify" or "registration";

    public static bool IsKnownUnsupportedType(string type) => Array.IndexOf(UnsupportedTypes, type) >= 0;

    /// <summary>
    /// Reads an object of a supported type. Returns null when the object has errors that make it unusable
    /// (the errors are in <paramref name="diagnostics"/>).
    /// </summary>
    public static PjsipObject? Read(string type, string name, IEnumerable<ConfEntry> entries, string file, int line, DiagnosticBag diagnostics, PjsipGlobal? baseGlobal = null)
    {
        var reader = new OptionReader(diagnostics, type, name);
        PjsipObject result = type switch
        {
            "global" => GlobalOptions.Table.Apply((baseGlobal ?? PjsipGlobal.Default) with { Name = name, SourceFile = file, SourceLine = line }, entries, reader),
            "transport" => Validate(TransportOptions.Table.Apply(new PjsipTransport { Name = name, SourceFile = file, SourceLine = line }, entries, reader), reader),
            "endpoint" => EndpointOptions.Table.Apply(new PjsipEndpoint { Name = name, SourceFile = file, SourceLine = line }, entries, reader),
            "aor" => Validate(AorOptions.Table.Apply(new PjsipAor { Name = name, SourceFile = file, SourceLine = line }, entries, reader), reader),
            "auth" => Validate(AuthOptions.Table.Apply(new PjsipAuth { Name = name, SourceFile = file, SourceLine = line }, entries, reader), reader),
            "identify" => Validate(IdentifyOptions.Table.Apply(new PjsipIdentify { Name = name, SourceFile = file, SourceLine = line }, entries, reader), reader),
            "registration" => Validate(RegistrationOptions.Table.Apply(new PjsipRegistration { Name = name, SourceFile = file, SourceLine = line }, entries, reader), reader),
            _ => throw new ArgumentException($"unsupported type '{type}'", nameof(type)),
        };

        return reader.Failed ? null : result;
    }

    private static PjsipTransport Validate(PjsipTransport t, OptionReader r)
    {
        // A tls/wss transport without cert_file is fine: Switchboard's certificate store (self-signed or ACME) serves it.
        if (t.CertFile.Length > 0 != t.PrivKeyFile.Length > 0)
        {
            r.Warning(t.SourceFile, t.SourceLine, "cert_file and priv_key_file must be set together; the certificate store is used instead");
        }

        return t;
    }

    private static PjsipAor Validate(PjsipAor a, OptionReader r)
    {
        if (a.MinimumExpiration > a.MaximumExpiration)
        {
            r.Error(a.SourceFile, a.SourceLine, $"minimum_expiration ({a.MinimumExpiration}) is greater than maximum_expiration ({a.MaximumExpiration})");
        }
        else if (a.DefaultExpiration < a.MinimumExpiration || a.DefaultExpiration > a.MaximumExpiration)
        {
            r.Warning(a.SourceFile, a.SourceLine,
                $"default_expiration ({a.DefaultExpiration}) is outside minimum_expiration..maximum_expiration ({a.MinimumExpiration}..{a.MaximumExpiration}); it will be clamped");
        }

        return a;
    }

    private static PjsipAuth Validate(PjsipAuth a, OptionReader r)
    {
        if (a.AuthType == AuthType.Md5 && a.Md5Cred.Length == 0)
        {
            r.Error(a.SourceFile, a.SourceLine, "auth_type=md5 requires md5_cred");
        }

        if (a.Username.Length == 0)
        {
            r.Warning(a.SourceFile, a.SourceLine, "auth has no username");
        }

        return a;
    }

    private static PjsipIdentify Validate(PjsipIdentify i, OptionReader r)
    {
        if (i.Endpoint.Length == 0)
        {
            r.Error(i.SourceFile, i.SourceLine, "identify requires endpoint");
        }

        if (!r.Failed && i.Matches.Count == 0 && i.MatchHeader.Length == 0 && i.MatchRequestUri.Length == 0)
        {
            r.Error(i.SourceFile, i.SourceLine, "identify matches nothing: set match, match_header or match_request_uri");
        }

        if (i.MatchHeader.Length > 0 && i.MatchHeader.IndexOf(':') <= 0)
        {
            r.Error(i.SourceFile, i.SourceLine, $"bad match_header '{i.MatchHeader}': expected 'Header-Name: value'");
        }

        return i;
    }

    private static PjsipRegistration Validate(PjsipRegistration g, OptionReader r)
    {
        if (g.ServerUri.Length == 0)
        {
            r.Error(g.SourceFile, g.SourceLine, "registration requires server_uri");
        }
        else if (!IsSipUri(g.ServerUri))
        {
            r.Error(g.SourceFile, g.SourceLine, $"server_uri '{g.ServerUri}' is not a sip: or sips: URI");
        }

        if (g.ClientUri.Length == 0)
        {
            r.Error(g.SourceFile, g.SourceLine, "registration requires client_uri");
        }
        else if (!IsSipUri(g.ClientUri))
        {
            r.Error(g.SourceFile, g.SourceLine, $"client_uri '{g.ClientUri}' is not a sip: or sips: URI");
        }

        if (g.Line && g.Endpoint.Length == 0)
        {
            r.Warning(g.SourceFile, g.SourceLine, "line=yes without endpoint: inbound calls cannot be matched by line");
        }

        return g;
    }

    private static bool IsSipUri(string s) =>
        (s.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && s.Length > 4)
        || (s.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) && s.Length > 5);
}
