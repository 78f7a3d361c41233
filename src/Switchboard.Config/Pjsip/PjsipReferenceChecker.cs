using Switchboard.Config.Diagnostics;

namespace Switchboard.Config.Pjsip;

/// <summary>Warns about references between PJSIP objects that point nowhere (checked after everything is loaded).</summary>
internal static class PjsipReferenceChecker
{
    public static void Check(PjsipConfig config, IReadOnlySet<(string Type, string Name)> failed, DiagnosticBag diagnostics)
    {
        foreach (var e in config.Endpoints)
        {
            foreach (var aor in e.Aors)
            {
                Expect(config.Aors.Contains(aor) || failed.Contains(("aor", aor)), e, "aor", aor, diagnostics);
            }

            foreach (var auth in e.Auths)
            {
                Expect(config.Auths.Contains(auth) || failed.Contains(("auth", auth)), e, "auth", auth, diagnostics);
            }

            foreach (var auth in e.OutboundAuths)
            {
                Expect(config.Auths.Contains(auth) || failed.Contains(("auth", auth)), e, "outbound_auth", auth, diagnostics);
            }

            if (e.Transport.Length > 0)
            {
                Expect(config.Transports.Contains(e.Transport) || failed.Contains(("transport", e.Transport)), e, "transport", e.Transport, diagnostics);
            }
        }

        foreach (var i in config.Identifies)
        {
            Expect(config.Endpoints.Contains(i.Endpoint) || failed.Contains(("endpoint", i.Endpoint)), i, "endpoint", i.Endpoint, diagnostics);
        }

        foreach (var r in config.Registrations)
        {
            foreach (var auth in r.OutboundAuths)
            {
                Expect(config.Auths.Contains(auth) || failed.Contains(("auth", auth)), r, "outbound_auth", auth, diagnostics);
            }

            if (r.Transport.Length > 0)
            {
                Expect(config.Transports.Contains(r.Transport) || failed.Contains(("transport", r.Transport)), r, "transport", r.Transport, diagnostics);
            }

            if (r.Endpoint.Length > 0)
            {
                Expect(config.Endpoints.Contains(r.Endpoint) || failed.Contains(("endpoint", r.Endpoint)), r, "endpoint", r.Endpoint, diagnostics);
            }
        }

        if (config.Global.DefaultOutboundEndpoint != PjsipGlobal.Default.DefaultOutboundEndpoint
            && !config.Endpoints.Contains(config.Global.DefaultOutboundEndpoint))
        {
            diagnostics.Warning(config.Global.SourceFile, config.Global.SourceLine,
                $"global: default_outbound_endpoint '{config.Global.DefaultOutboundEndpoint}' does not exist");
        }
    }

    private static void Expect(bool exists, PjsipObject from, string option, string target, DiagnosticBag diagnostics)
    {
        if (!exists)
        {
            diagnostics.Warning(from.SourceFile, from.SourceLine,
                $"{from.TypeName} '{from.Name}': {option} '{target}' does not exist");
        }
    }
}
