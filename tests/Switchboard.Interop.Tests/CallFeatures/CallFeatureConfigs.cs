using System.Globalization;

namespace Switchboard.Interop.Tests.CallFeatures;

/// <summary>A PBX for CDR, originate, call file and AMI tests: one endpoint per test so contacts never cross.</summary>
public static class CallFeatureConfigs
{
    public static readonly string[] Users = ["alice", "dave", "olive", "oscar", "spooly", "amy", "ben", "nobody", "blf", "watcher", "forka", "forkb", "fcaller"];

    public const string Extensions = """
        [general]
        autofallthrough = yes

        [default]
        exten => 300,1,Set(CDR(userfield)=vip "gold")
         same => n,Dial(PJSIP/dave,20)
         same => n,Hangup()
        exten => 301,1,Dial(PJSIP/ben,20)
         same => n,Hangup()
        exten => 1001,hint,PJSIP/blf

        [blfctx]
        exten => 1002,hint,PJSIP/blf

        [default](+)
        exten => 500,1,Dial(PJSIP/blf,20)
         same => n,Hangup()
        exten => 302,1,Dial(PJSIP/forka&PJSIP/forkb,20)
         same => n,Hangup()
        exten => 400,1,Dial(PJSIP/5550100@itsp,20)
         same => n,Hangup()

        [lside]
        exten => 200,1,Answer()
         same => n,Log(NOTICE,localside ${CHANNEL(name)} ${Y})
         same => n,Wait(2)
         same => n,Hangup()

        [orig]
        exten => 100,1,Answer()
         same => n,Log(NOTICE,origext ${CHANNEL(name)} ${CALLERID(num)})
         same => n,Wait(1)
         same => n,Hangup()
        exten => 101,1,Log(NOTICE,origvar ${Y} ${CALLERID(num)})
         same => n,Wait(1)
         same => n,Hangup()
        exten => 102,1,Dial(PJSIP/ben,20)
         same => n,Hangup()
        """;

    public const string Rtp = """
        [general]
        rtpstart = 23000
        rtpend = 23999
        """;

    public static string Wizard()
    {
        var text = new System.Text.StringBuilder("""
            [user](!)
            type = wizard
            accepts_auth = yes
            accepts_registrations = yes
            endpoint/context = default
            endpoint/allow = !all,alaw,ulaw
            endpoint/direct_media = no
            aor/max_contacts = 1
            aor/remove_existing = yes

            """);
        foreach (var u in Users)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[{u}](user)\ninbound_auth/username = {u}\ninbound_auth/password = pw-{u}\n");
        }

        // subscribe_context: SUBSCRIBEs from swatch look for hints in blfctx, calls still run in default.
        text.AppendLine("[swatch](user)\ninbound_auth/username = swatch\ninbound_auth/password = pw-swatch\nendpoint/subscribe_context = blfctx\n");
        return text.ToString();
    }

    public static string Manager(int port) => $"""
        [general]
        enabled = yes
        port = {port}
        bindaddr = 127.0.0.1

        [admin]
        secret = s3cret
        read = all
        write = all
        """;

    /// <summary>An ITSP trunk at <paramref name="trunkPort"/> that challenges INVITEs (outbound_auth).</summary>
    public static string Trunk(int trunkPort) => $$"""

        [itsp]
        type = endpoint
        context = default
        allow = !all,alaw,ulaw
        direct_media = no
        aors = itsp
        outbound_auth = itsp-auth

        [itsp]
        type = aor
        contact = sip:127.0.0.1:{{trunkPort}}

        [itsp-auth]
        type = auth
        auth_type = userpass
        username = trunkuser
        password = pw-trunk
        """;

    public static Dictionary<string, string> Files(int amiPort, int trunkPort) => new()
    {
        ["pjsip.conf"] = Infrastructure.TestConfigs.Transports + Trunk(trunkPort),
        ["pjsip_wizard.conf"] = Wizard(),
        ["extensions.conf"] = Extensions,
        ["rtp.conf"] = Rtp,
        ["manager.conf"] = Manager(amiPort),
        ["cdr.conf"] = "[general]\nenable = yes\n\n[csv]\nusegmtime = yes\nloguniqueid = yes\nloguserfield = yes\n",
    };
}
