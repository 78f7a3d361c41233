using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Reading;

namespace Switchboard.Config.Pjsip.Wizard;

/// <summary>
/// Expands <c>type=wizard</c> categories of pjsip_wizard.conf into endpoint, aor, auth, identify and registration
/// objects with the names and options Asterisk's res_pjsip_config_wizard gives them.
/// </summary>
public static class PjsipWizard
{
    private static readonly string[] Prefixes = ["endpoint/", "aor/", "inbound_auth/", "outbound_auth/", "identify/", "registration/", "phoneprov/"];

    private static readonly string[] WizardOptions =
    [
        "type", "transport", "remote_hosts", "outbound_proxy", "sends_auth", "accepts_auth", "sends_registrations",
        "accepts_registrations", "sends_line_with_registrations", "has_phoneprov", "server_uri_pattern",
        "client_uri_pattern", "contact_pattern", "has_hint", "hint_context", "hint_exten", "hint_application",
    ];

    private static readonly string[] BoolOptions =
    [
        "sends_auth", "accepts_auth", "sends_registrations", "accepts_registrations", "sends_line_with_registrations",
        "has_phoneprov", "has_hint",
    ];

    /// <summary>Expands every non-template <c>type=wizard</c> category of <paramref name="document"/>.</summary>
    public static WizardExpansion Expand(ConfDocument document, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var objects = new List<GeneratedObject>();
        var hints = new List<WizardHint>();
        foreach (var category in document.Categories)
        {
            if (category.IsTemplate)
            {
                continue;
            }

            var type = category.Get("type");
            if (type is null)
            {
                diagnostics.Warning(category.File, category.Line, $"[{category.Name}] has no type; ignored (pjsip_wizard.conf holds type=wizard objects)");
                continue;
            }

            if (!string.Equals(type, "wizard", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Warning(category.File, category.Line, $"[{category.Name}] has type={type}; pjsip_wizard.conf only reads type=wizard, ignored");
                continue;
            }

            ExpandOne(category, diagnostics, objects, hints);
        }

        return new WizardExpansion(objects, hints);
    }

    /// <summary>Expands one wizard category.</summary>
    internal static void ExpandOne(ConfCategory wiz, DiagnosticBag diagnostics, List<GeneratedObject> objects, List<WizardHint> hints)
    {
        var id = wiz.Name;
        var reader = new OptionReader(diagnostics, "wizard", id);
        CheckOptions(wiz, reader);
        var remoteHosts = OptionReader.List(wiz.Get("remote_hosts") ?? string.Empty);
        var ctx = new WizardContext(wiz, reader, remoteHosts);

        objects.Add(Endpoint(ctx, hints));
        objects.Add(Aor(ctx));
        AddAuth(ctx, objects, outbound: true);
        AddAuth(ctx, objects, outbound: false);
        AddIdentify(ctx, objects);
        AddRegistrations(ctx, objects);

        if (ctx.IsTrue("has_phoneprov"))
        {
            reader.Warning(wiz.File, wiz.Line, "has_phoneprov: phone provisioning is not supported by Switchboard; no phoneprov object created");
        }
    }

    private static void CheckOptions(ConfCategory wiz, OptionReader reader)
    {
        foreach (var e in wiz.Entries)
        {
            var slash = e.Key.IndexOf('/');
            if (slash > 0)
            {
                if (!HasPrefix(e.Key))
                {
                    reader.Warning(e, $"unknown object prefix in '{e.Key}' ignored (expected endpoint/, aor/, inbound_auth/, outbound_auth/, identify/, registration/ or phoneprov/)");
                }

                continue;
            }

            if (Array.FindIndex(WizardOptions, o => string.Equals(o, e.Key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                reader.Warning(e, $"unknown wizard option '{e.Key}' ignored");
                continue;
            }

            if (Array.FindIndex(BoolOptions, o => string.Equals(o, e.Key, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                reader.Bool(e, false);
            }
        }
    }

    private static bool HasPrefix(string key)
    {
        foreach (var p in Prefixes)
        {
            if (key.StartsWith(p, StringComparison.OrdinalIgnoreCase) && key.Length > p.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static GeneratedObject Endpoint(WizardContext ctx, List<WizardHint> hints)
    {
        var id = ctx.Id;
        var vars = ctx.Vars("endpoint/");
        ctx.Append(vars, "@pjsip_wizard", id);
        ctx.Append(vars, "aors", id);
        ctx.AppendIfSet(vars, "outbound_proxy", ctx.Last("outbound_proxy"));

        var hintContext = ctx.Last("hint_context");
        if (string.IsNullOrEmpty(hintContext))
        {
            hintContext = LastOf(vars, "context");
        }

        if (string.IsNullOrEmpty(hintContext))
        {
            hintContext = "default";
        }

        var hintExten = ctx.Last("hint_exten");
        if (!string.IsNullOrEmpty(hintExten))
        {
            ctx.Append(vars, "@hint_context", hintContext);
            ctx.Append(vars, "@hint_exten", hintExten);
        }

        ctx.AppendIfSet(vars, "transport", ctx.Last("transport"));
        if (ctx.IsTrue("sends_auth"))
        {
            ctx.Append(vars, "outbound_auth", id + "-oauth");
        }

        if (ctx.IsTrue("accepts_auth"))
        {
            ctx.Append(vars, "auth", id + "-iauth");
        }

        if (!string.IsNullOrEmpty(hintExten) && ctx.IsTrue("has_hint"))
        {
            hints.Add(new WizardHint(hintExten, hintContext, "PJSIP/" + id, ctx.Last("hint_application") ?? string.Empty, id, ctx.File, ctx.Line));
        }

        return new GeneratedObject("endpoint", id, vars, ctx.File, ctx.Line);
    }

    private static GeneratedObject Aor(WizardContext ctx)
    {
        var vars = ctx.Vars("aor/");
        ctx.Append(vars, "@pjsip_wizard", ctx.Id);
        ctx.AppendIfSet(vars, "outbound_proxy", ctx.Last("outbound_proxy"));
        if (LastOf(vars, "contact") is null)
        {
            var pattern = ctx.Last("contact_pattern") ?? "sip:${REMOTE_HOST}";
            if (pattern.Length > 0)
            {
                foreach (var host in ctx.RemoteHosts)
                {
                    ctx.Append(vars, "contact", ctx.Substitute(pattern, host, username: string.Empty));
                }
            }
        }

        return new GeneratedObject("aor", ctx.Id, vars, ctx.File, ctx.Line);
    }

    private static void AddAuth(WizardContext ctx, List<GeneratedObject> objects, bool outbound)
    {
        var flag = outbound ? "sends_auth" : "accepts_auth";
        var prefix = outbound ? "outbound_auth/" : "inbound_auth/";
        if (!ctx.IsTrue(flag))
        {
            return;
        }

        var vars = ctx.Vars(prefix);
        if (LastOf(vars, "username") is null)
        {
            ctx.Reader.Error(ctx.File, ctx.Line, $"wizard has {flag}=yes but no {prefix}username; auth not created");
            return;
        }

        ctx.Append(vars, "@pjsip_wizard", ctx.Id);
        if (LastOf(vars, "auth_type") is null)
        {
            ctx.Append(vars, "auth_type", "userpass");
        }

        objects.Add(new GeneratedObject("auth", ctx.Id + (outbound ? "-oauth" : "-iauth"), vars, ctx.File, ctx.Line));
    }

    private static void AddIdentify(WizardContext ctx, List<GeneratedObject> objects)
    {
        if (ctx.IsTrue("accepts_registrations") || ctx.IsTrue("sends_line_with_registrations"))
        {
            return;
        }

        if (ctx.RemoteHosts.Count == 0)
        {
            ctx.Reader.Error(ctx.File, ctx.Line, "wizard must have remote_hosts if it does not accept registrations; identify not created");
            return;
        }

        var vars = ctx.Vars("identify/");
        ctx.Append(vars, "endpoint", ctx.Id);
        ctx.Append(vars, "@pjsip_wizard", ctx.Id);
        if (LastOf(vars, "match") is null)
        {
            foreach (var host in ctx.RemoteHosts)
            {
                ctx.Append(vars, "match", host);
            }
        }

        objects.Add(new GeneratedObject("identify", ctx.Id + "-identify", vars, ctx.File, ctx.Line));
    }

    private static void AddRegistrations(WizardContext ctx, List<GeneratedObject> objects)
    {
        if (!ctx.IsTrue("sends_registrations"))
        {
            return;
        }

        if (ctx.RemoteHosts.Count == 0)
        {
            ctx.Reader.Error(ctx.File, ctx.Line, "wizard must have remote_hosts if it sends registrations; registration not created");
            return;
        }

        string username;
        if (ctx.IsTrue("sends_auth"))
        {
            var u = ctx.Last("outbound_auth/username");
            if (u is null)
            {
                return; // already reported by the outbound auth
            }

            username = u;
        }
        else
        {
            username = ctx.Id;
        }

        var serverPattern = ctx.Last("server_uri_pattern") ?? "sip:${REMOTE_HOST}";
        var clientPattern = ctx.Last("client_uri_pattern") ?? "sip:${USERNAME}@${REMOTE_HOST}";
        var transport = ctx.Last("transport");
        for (var i = 0; i < ctx.RemoteHosts.Count; i++)
        {
            var host = ctx.RemoteHosts[i];
            var vars = ctx.Vars("registration/");
            ctx.AppendIfSet(vars, "outbound_proxy", ctx.Last("outbound_proxy"));
            ctx.Append(vars, "@pjsip_wizard", ctx.Id);
            if (serverPattern.Length > 0)
            {
                ctx.Append(vars, "server_uri", ctx.Substitute(serverPattern, host, username));
            }

            if (clientPattern.Length > 0)
            {
                ctx.Append(vars, "client_uri", ctx.Substitute(clientPattern, host, username));
            }

            if (ctx.IsTrue("sends_auth"))
            {
                ctx.Append(vars, "outbound_auth", ctx.Id + "-oauth");
            }

            ctx.AppendIfSet(vars, "transport", transport);
            if (ctx.IsTrue("sends_line_with_registrations"))
            {
                ctx.Append(vars, "line", "yes");
                ctx.Append(vars, "endpoint", ctx.Id);
            }

            objects.Add(new GeneratedObject("registration", $"{ctx.Id}-reg-{i}", vars, ctx.File, ctx.Line));
        }
    }

    private static string? LastOf(List<ConfEntry> vars, string key)
    {
        for (var i = vars.Count - 1; i >= 0; i--)
        {
            if (vars[i].Is(key))
            {
                return vars[i].Value;
            }
        }

        return null;
    }
}
