using System.Globalization;
using Switchboard.Hosting;

namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>
/// The shipped seed configuration (config/seed, compiled into the executable) unchanged except where a test must:
/// transports on a free loopback port, test users with passwords (qualify off so SIPp callees see no OPTIONS),
/// a trunk whose remote host is a SIPp playing the ITSP on 127.0.0.2 (registration and qualify off), a test RTP range.
/// </summary>
public static class PrivateDialConfig
{
    public const string ItspAddress = "127.0.0.2";

    public const string Transports = """
        [udp]
        type = transport
        protocol = udp
        bind = 127.0.0.1:{SIP_PORT}

        [tcp]
        type = transport
        protocol = tcp
        bind = 127.0.0.1:{SIP_PORT}
        """;

    /// <summary>pjsip_endpoint.conf in the layout of the seed's commented example.</summary>
    public static string Endpoints(int itspPort) => string.Create(CultureInfo.InvariantCulture, $$"""
        [itsp:test](w_trunk)
        remote_hosts = {{ItspAddress}}:{{itspPort}}
        aor/qualify_frequency = 0

        [site_user](!,w_term_io)
        endpoint/set_var = TRUNK_ENDPOINT=itsp:test
        endpoint/set_var = WEBSMS_INDEX=
        aor/qualify_frequency = 0

        [ann](site_user)
        hint_exten = +46701234501
        endpoint/callerid = Ann Example <+46701234501>
        inbound_auth/username = ann
        inbound_auth/password = pw-ann

        [bob](site_user)
        hint_exten = +46701234502
        endpoint/callerid = Bob Example <+46701234502>
        inbound_auth/username = bob
        inbound_auth/password = pw-bob

        [carol](site_user)
        hint_exten = +46701234503
        endpoint/callerid = Carol Example <+46701234503>
        inbound_auth/username = carol
        inbound_auth/password = pw-carol

        [dave](site_user)
        hint_exten = +46701234504
        endpoint/callerid = Dave Example <+46701234504>
        endpoint/mailboxes = dave@example.com
        inbound_auth/username = dave
        inbound_auth/password = pw-dave

        [frank](site_user)
        hint_exten = +46701234506
        endpoint/callerid = Frank Example <+46701234506>
        inbound_auth/username = frank
        inbound_auth/password = pw-frank

        [gina](site_user)
        hint_exten = +46701234507
        endpoint/callerid = Gina Example <+46701234507>
        inbound_auth/username = gina
        inbound_auth/password = pw-gina

        [hank](site_user)
        hint_exten = +46701234508
        endpoint/callerid = Hank Example <+46701234508>
        inbound_auth/username = hank
        inbound_auth/password = pw-hank

        [erin](w_term_i)
        hint_exten = +46701234505
        endpoint/callerid = Erin Example <+46701234505>
        aor/qualify_frequency = 0
        inbound_auth/username = erin
        inbound_auth/password = pw-erin
        """);

    public const string Rtp = """
        [general]
        rtpstart = 24000
        rtpend = 24999
        strictrtp = no
        """;

    public static Dictionary<string, string> Files(int itspPort)
    {
        var files = new Dictionary<string, string>();
        foreach (var f in new EmbeddedSeedSource().Files())
        {
            using var reader = new StreamReader(f.Open());
            files[f.RelativePath] = reader.ReadToEnd();
        }

        files["pjsip_transport.conf"] = Transports;
        files["pjsip_endpoint.conf"] = Endpoints(itspPort);
        files["rtp.conf"] = Rtp;
        return files;
    }
}
