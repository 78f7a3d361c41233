namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>A PBX whose extensions Dial(Local/...) into a context that Dials PJSIP: alice calls, bob answers, busy is busy.</summary>
public static class LocalDialConfig
{
    public const string Wizard = """
        [user](!)
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/context = default
        endpoint/allow = !all,alaw,ulaw
        endpoint/direct_media = no
        aor/max_contacts = 1
        aor/remove_existing = yes

        [alice](user)
        inbound_auth/username = alice
        inbound_auth/password = pw-alice

        [bob](user)
        inbound_auth/username = bob
        inbound_auth/password = pw-bob

        [busy](user)
        inbound_auth/username = busy
        inbound_auth/password = pw-busy

        [carl](user)
        inbound_auth/username = carl
        inbound_auth/password = pw-carl

        [dora](user)
        inbound_auth/username = dora
        inbound_auth/password = pw-dora
        """;

    public const string Extensions = """
        [general]
        autofallthrough = yes

        [default]
        exten => 300,1,Dial(Local/200@inner,20)
         same => n,Log(NOTICE,localdial 300 ${DIALSTATUS})
         same => n,Hangup()
        exten => 301,1,Dial(Local/201@inner/n,20)
         same => n,Log(NOTICE,localdial 301 ${DIALSTATUS})
         same => n,Hangup()
        exten => 302,1,Dial(Local/202@inner&PJSIP/dora,20)
         same => n,Hangup()
        exten => h,1,Log(NOTICE,hangup ${EXTEN} after ${DIALSTATUS} ${DIALEDPEERNAME})

        [inner]
        exten => 200,1,Dial(PJSIP/bob,20)
         same => n,Hangup()
        exten => 201,1,Dial(PJSIP/busy,20)
         same => n,Log(NOTICE,inner 201 ${DIALSTATUS})
         same => n,Hangup()
        exten => 202,1,Dial(PJSIP/carl,20)
         same => n,Log(NOTICE,inner 202 ${DIALSTATUS})
         same => n,Hangup()
        """;

    public const string Rtp = """
        [general]
        rtpstart = 25000
        rtpend = 25999
        """;

    public static Dictionary<string, string> Files() => new()
    {
        ["pjsip.conf"] = Infrastructure.TestConfigs.Transports,
        ["pjsip_wizard.conf"] = Wizard,
        ["extensions.conf"] = Extensions,
        ["rtp.conf"] = Rtp,
    };
}
