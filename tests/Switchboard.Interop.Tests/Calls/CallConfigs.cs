namespace Switchboard.Interop.Tests.Calls;

/// <summary>A PBX for call tests: alice calls, bob (two contacts allowed) is called; media relayed (direct_media=no).</summary>
public static class CallConfigs
{
    public const string Wizard = """
        [user](!)
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/context = default
        endpoint/allow = !all,alaw,ulaw
        endpoint/direct_media = no
        aor/max_contacts = 2
        aor/remove_existing = yes

        [alice](user)
        inbound_auth/username = alice
        inbound_auth/password = pw-alice

        [bob](user)
        inbound_auth/username = bob
        inbound_auth/password = pw-bob

        [carol](user)
        inbound_auth/username = carol
        inbound_auth/password = pw-carol

        [busy](user)
        inbound_auth/username = busy
        inbound_auth/password = pw-busy

        [slow](user)
        inbound_auth/username = slow
        inbound_auth/password = pw-slow

        [cxl](user)
        inbound_auth/username = cxl
        inbound_auth/password = pw-cxl

        [fork](user)
        inbound_auth/username = fork
        inbound_auth/password = pw-fork
        """;

    /// <summary>One extension per callee (each test has its own endpoint, so contacts of one test never fork into another); the h extension logs DIALSTATUS.</summary>
    public const string Extensions = """
        [general]
        autofallthrough = yes

        [default]
        exten => 200,1,Dial(PJSIP/bob,20)
         same => n,Log(NOTICE,dialresult 200 ${DIALSTATUS})
         same => n,Hangup()
        exten => 201,1,Dial(PJSIP/busy,20)
         same => n,Hangup()
        exten => 202,1,Dial(PJSIP/slow,2)
         same => n,Hangup()
        exten => 203,1,Dial(PJSIP/cxl,20)
         same => n,Hangup()
        exten => 204,1,Dial(PJSIP/carol,5)
         same => n,Hangup()
        exten => 205,1,Dial(PJSIP/fork,20)
         same => n,Hangup()
        exten => h,1,Log(NOTICE,hangup ${CHANNEL(name)} ${DIALSTATUS} ${HANGUPCAUSE})
        """;

    public const string Rtp = """
        [general]
        rtpstart = 21000
        rtpend = 21999
        """;

    public static Dictionary<string, string> Files() => new()
    {
        ["pjsip.conf"] = Infrastructure.TestConfigs.Transports,
        ["pjsip_wizard.conf"] = Wizard,
        ["extensions.conf"] = Extensions,
        ["rtp.conf"] = Rtp,
    };
}
