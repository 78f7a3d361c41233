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
        """;

    /// <summary>200: Dial bob 20 s; 201: Dial bob 2 s (ring timeout); 202: Dial carol (never registered). DIALSTATUS is logged.</summary>
    public const string Extensions = """
        [general]
        autofallthrough = yes

        [default]
        exten => 200,1,Dial(PJSIP/bob,20)
         same => n,Log(NOTICE,dialresult 200 ${DIALSTATUS})
         same => n,Hangup()
        exten => 201,1,Dial(PJSIP/bob,2)
         same => n,Log(NOTICE,dialresult 201 ${DIALSTATUS})
         same => n,Hangup()
        exten => 202,1,Dial(PJSIP/carol,5)
         same => n,Log(NOTICE,dialresult 202 ${DIALSTATUS})
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
