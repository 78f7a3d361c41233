using System.Globalization;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Cli;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Pjsip.Outbound;
using Switchboard.Core.Sip.Overload;
using Switchboard.Transport;

namespace Switchboard.Core.Pjsip.Cli;

/// <summary>The <c>pjsip show ...</c> CLI commands, in Asterisk's layout.</summary>
public sealed class PjsipCliCommands(PjsipRuntime runtime, LocationService location, TransportRegistry transports, OutboundRegistrationService? outbound, OverloadControl? overload = null)
{
    private const string Rule = "==========================================================================================";

    public void Register(CliCommandRegistry cli)
    {
        cli.Register(CliCommand.Sync("pjsip show endpoints", "List PJSIP endpoints", (a, o) => Endpoints(o, runtime.Config.Endpoints, false)));
        cli.Register(CliCommand.Sync("pjsip show endpoint", "Show one PJSIP endpoint", ShowEndpoint, "Usage: pjsip show endpoint <id>"));
        cli.Register(CliCommand.Sync("pjsip show aors", "List PJSIP AORs", (a, o) => Aors(o)));
        cli.Register(CliCommand.Sync("pjsip show contacts", "List PJSIP contacts", (a, o) => Contacts(o)));
        cli.Register(CliCommand.Sync("pjsip show auths", "List PJSIP auths", (a, o) => Auths(o)));
        cli.Register(CliCommand.Sync("pjsip show transports", "List PJSIP transports", (a, o) => Transports(o)));
        cli.Register(CliCommand.Sync("pjsip show identifies", "List PJSIP identifies", (a, o) => Identifies(o)));
        cli.Register(CliCommand.Sync("pjsip show registrations", "List PJSIP outbound registrations", (a, o) => Registrations(o)));
        cli.Register(CliCommand.Sync("pjsip show counters", "Packet counters of each transport (received, dropped by the admission filter, sent) and the overload control (requests refused with 503)", (a, o) => Counters(o)));
    }

    private void ShowEndpoint(IReadOnlyList<string> args, TextWriter o)
    {
        if (args.Count == 0 || runtime.Endpoint(args[0]) is not { } ep)
        {
            o.WriteLine(args.Count == 0 ? "Usage: pjsip show endpoint <id>" : $"Unable to find object {args[0]}.");
            return;
        }

        Endpoints(o, [ep], true);
        o.WriteLine();
        o.WriteLine(" ParameterName                      : ParameterValue");
        o.WriteLine(" " + new string('=', 88));
        Param(o, "aors", string.Join(",", ep.Aors));
        Param(o, "auth", string.Join(",", ep.Auths));
        Param(o, "outbound_auth", string.Join(",", ep.OutboundAuths));
        Param(o, "allow", "(" + string.Join("|", ep.Codecs) + ")");
        Param(o, "callerid", ep.CallerId.ToString());
        Param(o, "context", ep.Context);
        Param(o, "message_context", ep.MessageContext);
        Param(o, "direct_media", YesNo(ep.DirectMedia));
        Param(o, "rewrite_contact", YesNo(ep.RewriteContact));
        Param(o, "rtp_symmetric", YesNo(ep.RtpSymmetric));
        Param(o, "transport", ep.Transport);
        Param(o, "mailboxes", string.Join(",", ep.Mailboxes));
        Param(o, "language", ep.Language);
        Param(o, "dtmf_mode", ep.DtmfMode.ToString().ToLowerInvariant());
        foreach (var v in ep.SetVars)
        {
            Param(o, "set_var", v.ToString());
        }
    }

    private void Endpoints(TextWriter o, IEnumerable<PjsipEndpoint> endpoints, bool single)
    {
        var list = endpoints.ToList();
        if (list.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine(" Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>");
        o.WriteLine("    I/OAuth:  <AuthId/UserName...........................................................>");
        o.WriteLine("        Aor:  <Aor............................................>  <MaxContact>");
        o.WriteLine("      Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>");
        o.WriteLine("  Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress..................>");
        o.WriteLine("   Identify:  <Identify/Endpoint.........................................................>");
        o.WriteLine("        Match:  <criteria.........................>");
        o.WriteLine(Rule);
        var config = runtime.Config;
        foreach (var ep in list)
        {
            o.WriteLine();
            var cid = ep.CallerId.ToString();
            var name = cid.Length > 0 ? ep.Name + "/" + cid : ep.Name;
            o.WriteLine($" Endpoint:  {name,-50}  {EndpointState(ep),-12}  {"0 of inf",10}");
            foreach (var a in ep.Auths)
            {
                o.WriteLine($"     InAuth:  {a}/{config.Auths.Find(a)?.Username}");
            }

            foreach (var a in ep.OutboundAuths)
            {
                o.WriteLine($"    OutAuth:  {a}/{config.Auths.Find(a)?.Username}");
            }

            foreach (var aorName in ep.Aors)
            {
                var aor = config.Aors.Find(aorName);
                o.WriteLine($"        Aor:  {aorName,-50}  {aor?.MaxContacts ?? 0,10}");
                foreach (var c in location.GetContacts(aorName))
                {
                    ContactLine(o, c);
                }
            }

            if (ep.Transport.Length > 0 && config.Transports.TryGet(ep.Transport, out var t))
            {
                TransportLine(o, t);
            }

            foreach (var id in config.Identifies.Where(i => i.Endpoint == ep.Name))
            {
                o.WriteLine($"   Identify:  {id.Name}/{id.Endpoint}");
                foreach (var m in id.Matches)
                {
                    o.WriteLine($"        Match:  {m}");
                }
            }
        }

        o.WriteLine();
        if (!single)
        {
            o.WriteLine($"Objects found: {list.Count}");
        }
    }

    private string EndpointState(PjsipEndpoint ep)
    {
        foreach (var aor in ep.Aors)
        {
            foreach (var c in location.GetContacts(aor))
            {
                if (location.GetStatus(c.Id).Status is ContactStatus.Reachable or ContactStatus.NonQualified or ContactStatus.Unknown)
                {
                    return "Not in use";
                }
            }

            if (runtime.Aor(aor) is { Contacts.Count: > 0 })
            {
                return "Not in use";
            }
        }

        return "Unavailable";
    }

    private void Aors(TextWriter o)
    {
        var aors = runtime.Config.Aors.ToList();
        if (aors.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine("      Aor:  <Aor..............................................>  <MaxContact>");
        o.WriteLine("    Contact:  <Aor/ContactUri............................> <Hash....> <Status> <RTT(ms)..>");
        o.WriteLine(Rule);
        foreach (var aor in aors)
        {
            o.WriteLine();
            o.WriteLine($"      Aor:  {aor.Name,-51}  {aor.MaxContacts,12}");
            foreach (var c in location.GetContacts(aor.Name))
            {
                ContactLine(o, c);
            }
        }

        o.WriteLine();
        o.WriteLine($"Objects found: {aors.Count}");
    }

    private void Contacts(TextWriter o)
    {
        var contacts = location.Aors.OrderBy(a => a, StringComparer.Ordinal).SelectMany(location.GetContacts).ToList();
        if (contacts.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine("  Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>");
        o.WriteLine(Rule);
        o.WriteLine();
        foreach (var c in contacts)
        {
            ContactLine(o, c, "  Contact:  ");
        }

        o.WriteLine();
        o.WriteLine($"Objects found: {contacts.Count}");
    }

    private void ContactLine(TextWriter o, ContactBinding c, string prefix = "      Contact:  ")
    {
        var st = location.GetStatus(c.Id);
        var rtt = st.RoundTrip is { } r ? r.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) : "nan";
        var hash = c.Id[(c.Id.IndexOf(";@", StringComparison.Ordinal) + 2)..];
        o.WriteLine($"{prefix}{c.Aor + "/" + c.Uri,-42} {hash[..Math.Min(10, hash.Length)],-10} {st.ShortName,-8} {rtt,10}");
    }

    private void Auths(TextWriter o)
    {
        var auths = runtime.Config.Auths.ToList();
        if (auths.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine("I/OAuth:  <AuthId/UserName.............................................................>");
        o.WriteLine(Rule);
        o.WriteLine();
        foreach (var a in auths)
        {
            o.WriteLine($"   Auth:  {a.Name}/{a.Username}");
        }

        o.WriteLine();
        o.WriteLine($"Objects found: {auths.Count}");
    }

    private void Transports(TextWriter o)
    {
        var list = runtime.Config.Transports.ToList();
        if (list.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine("Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress....................>");
        o.WriteLine(Rule);
        o.WriteLine();
        foreach (var t in list)
        {
            TransportLine(o, t, "Transport:  ");
        }

        o.WriteLine();
        o.WriteLine($"Objects found: {list.Count}");
    }

    /// <summary>One line per live transport: what reached the parser, what the admission filter (AutoBan) dropped unparsed.</summary>
    private void Counters(TextWriter o)
    {
        o.WriteLine($"{"Transport",-22} {"Local",-28} {"Received",12} {"Dropped",12} {"Sent",12} {"Rejected",9}");
        foreach (var (transport, c) in transports.SnapshotCounters())
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{transport.Name,-22} {transport.Local.EndPoint,-28} {c.MessagesReceived,12} {c.DroppedByFilter,12} {c.MessagesSent,12} {c.ConnectionsRejected,9}"));
        }

        if (overload is not null)
        {
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overload: {(overload.IsOverloaded ? "overloaded" : "normal")}  Rejected (503): {overload.Rejected}  Episodes: {overload.Episodes}  Queue delay: {overload.QueueDelay.TotalMilliseconds:0} ms  Receive backlog: {overload.ReceiveBacklog.TotalMilliseconds:0} ms  Admitted: {overload.AdmittedShare * 100:0}%"));
        }
    }

    private void TransportLine(TextWriter o, PjsipTransport t, string prefix = "  Transport:  ")
    {
        string bind = transports.TryGet(t.Name, out var live) ? live.Local.EndPoint.ToString() : t.BindAddress + ":" + t.EffectivePort;
        o.WriteLine($"{prefix}{t.Name,-21}  {t.Protocol.ToString().ToLowerInvariant(),-6}  {t.Cos,5}  {t.Tos,5}  {bind}");
    }

    private void Identifies(TextWriter o)
    {
        var list = runtime.Config.Identifies.ToList();
        if (list.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine("   Identify:  <Identify/Endpoint.........................................................>");
        o.WriteLine("        Match:  <criteria.........................>");
        o.WriteLine(Rule);
        foreach (var id in list)
        {
            o.WriteLine();
            o.WriteLine($"   Identify:  {id.Name}/{id.Endpoint}");
            foreach (var m in id.Matches)
            {
                o.WriteLine($"        Match:  {m}");
            }
        }

        o.WriteLine();
        o.WriteLine($"Objects found: {list.Count}");
    }

    private void Registrations(TextWriter o)
    {
        var list = runtime.Config.Registrations.ToList();
        if (list.Count == 0)
        {
            o.WriteLine("No objects found.");
            return;
        }

        o.WriteLine();
        o.WriteLine(" <Registration/ServerURI..............................>  <Auth....................>  <Status.......>");
        o.WriteLine(Rule);
        o.WriteLine();
        foreach (var r in list)
        {
            var status = outbound?.StatusOf(r.Name) ?? "Unregistered";
            o.WriteLine($" {r.Name + "/" + r.ServerUri,-54}  {string.Join(",", r.OutboundAuths),-26}  {status}");
        }

        o.WriteLine();
        o.WriteLine($"Objects found: {list.Count}");
    }

    private static void Param(TextWriter o, string name, string value) => o.WriteLine($" {name,-35}: {value}");

    private static string YesNo(bool b) => b ? "true" : "false";
}
