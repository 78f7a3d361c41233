namespace Switchboard.Interop.Tests.PrivateDial;

/// <summary>
/// A PBX whose Dials mix Local and PJSIP targets where the Local side's dialplan answers by itself (prompts, digits)
/// or fails in each way app_dial reports (busy, no answer, caller cancel, no such extension), with options r/m/g/t/T
/// and CDR on. One endpoint per test so contacts never cross. Each extension sets TEST for the h extension's log line.
/// </summary>
public static class LocalAnswerConfig
{
    public const string Wizard = """
        [user](!)
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/context = default
        endpoint/allow = !all,ulaw,alaw
        endpoint/direct_media = no
        aor/max_contacts = 1
        aor/remove_existing = yes

        [alice](user)
        inbound_auth/username = alice
        inbound_auth/password = pw-alice

        [dora](user)
        inbound_auth/username = dora
        inbound_auth/password = pw-dora

        [erin](user)
        inbound_auth/username = erin
        inbound_auth/password = pw-erin

        [fred](user)
        inbound_auth/username = fred
        inbound_auth/password = pw-fred

        [gina](user)
        inbound_auth/username = gina
        inbound_auth/password = pw-gina

        [hank](user)
        inbound_auth/username = hank
        inbound_auth/password = pw-hank

        [ivy](user)
        inbound_auth/username = ivy
        inbound_auth/password = pw-ivy

        [jack](user)
        inbound_auth/username = jack
        inbound_auth/password = pw-jack

        [kate](user)
        inbound_auth/username = kate
        inbound_auth/password = pw-kate

        [lucy](user)
        inbound_auth/username = lucy
        inbound_auth/password = pw-lucy

        [mike](user)
        inbound_auth/username = mike
        inbound_auth/password = pw-mike

        [olga](user)
        inbound_auth/username = olga
        inbound_auth/password = pw-olga

        [pete](user)
        inbound_auth/username = pete
        inbound_auth/password = pw-pete

        [quinn](user)
        inbound_auth/username = quinn
        inbound_auth/password = pw-quinn

        [rose](user)
        inbound_auth/username = rose
        inbound_auth/password = pw-rose

        [sam](user)
        inbound_auth/username = sam
        inbound_auth/password = pw-sam

        [nobody](user)
        inbound_auth/username = nobody
        inbound_auth/password = pw-nobody
        """;

    public const string Extensions = """
        [general]
        autofallthrough = yes

        [default]
        exten => 310,1,Set(TEST=310)
         same => n,Dial(Local/210@inner&PJSIP/dora,20)
         same => n,Hangup()
        exten => 311,1,Set(TEST=311)
         same => n,Dial(Local/210@inner,20)
         same => n,Hangup()
        exten => 312,1,Set(TEST=312)
         same => n,Dial(Local/212@inner&PJSIP/fred,20)
         same => n,Log(NOTICE,mixed 312 ${DIALSTATUS})
         same => n,Hangup()
        exten => 313,1,Set(TEST=313)
         same => n,Dial(Local/213@inner&PJSIP/hank,2)
         same => n,Log(NOTICE,mixed 313 ${DIALSTATUS})
         same => n,Hangup()
        exten => 314,1,Set(TEST=314)
         same => n,Dial(Local/214@inner&PJSIP/ivy,20,r)
         same => n,Log(NOTICE,mixed 314 ${DIALSTATUS})
         same => n,Hangup()
        exten => 315,1,Set(TEST=315)
         same => n,Dial(Local/999@inner&PJSIP/nobody,20)
         same => n,Log(NOTICE,mixed 315 ${DIALSTATUS})
         same => n,Dial(Local/999@inner,20)
         same => n,Log(NOTICE,lone 315 ${DIALSTATUS})
         same => n,Hangup()
        exten => 316,1,Set(TEST=316)
         same => n,Dial(Local/216@inner&PJSIP/jack,20,m)
         same => n,Hangup()
        exten => 317,1,Set(TEST=317)
         same => n,Dial(Local/217@inner&PJSIP/kate,20,gtT)
         same => n,Log(NOTICE,after-g 317 ${DIALSTATUS})
         same => n,Hangup()
        exten => 318,1,Set(TEST=318)
         same => n,Dial(Local/218@inner,20)
         same => n,Log(NOTICE,lone 318 ${DIALSTATUS})
         same => n,Hangup()
        exten => 319,1,Set(TEST=319)
         same => n,Dial(Local/219@inner&PJSIP/pete,20)
         same => n,Hangup()
        exten => h,1,Log(NOTICE,hangup ${TEST} after ${DIALSTATUS} ${DIALEDPEERNAME})

        [inner]
        exten => 210,1,Answer()
         same => n,Playback(digits/1)
         same => n,Read(DIGIT,,1,,1,5)
         same => n,Log(NOTICE,local-digit ${DIGIT} ${CHANNEL(name)})
         same => n,Hangup()
        exten => 212,1,Dial(PJSIP/erin,20)
         same => n,Hangup()
        exten => 213,1,Dial(PJSIP/gina,20)
         same => n,Hangup()
        exten => 214,1,Wait(30)
         same => n,Hangup()
        exten => 216,1,Wait(2)
         same => n,Answer()
         same => n,Playback(digits/2)
         same => n,Hangup()
        exten => 218,1,Progress()
         same => n,Playback(digits/1,noanswer)
         same => n,Log(NOTICE,local-early ${PLAYBACKSTATUS})
         same => n,Hangup()
        exten => 219,1,Answer()
         same => n,Playback(digits/1)
         same => n,Dial(PJSIP/olga,20)
         same => n,Hangup()
        exten => 217,1,Answer()
         same => n,Wait(1)
         same => n,Hangup()

        [orig]
        exten => 400,1,Dial(PJSIP/lucy,20)
         same => n,Log(NOTICE,origdial 400 ${DIALSTATUS} ${DIALEDPEERNAME})
         same => n,Hangup()
        exten => 401,1,Answer()
         same => n,Playback(digits/3)
         same => n,Log(NOTICE,origext 401 ${CHANNEL(name)} ${PLAYBACKSTATUS})
         same => n,Hangup()
        exten => 402,1,Dial(PJSIP/quinn,20)
         same => n,Hangup()
        exten => 403,1,Answer()
         same => n,Wait(20)
         same => n,Log(NOTICE,orig-403-done ${CHANNEL(name)})
         same => n,Hangup()
        exten => 404,1,Answer()
         same => n,Wait(20)
         same => n,Log(NOTICE,orig-404-done ${CHANNEL(name)})
         same => n,Hangup()
        exten => 405,1,Wait(1)
         same => n,Hangup()
        exten => 408,1,Wait(3)
         same => n,Hangup()
        exten => 406,1,Dial(PJSIP/rose,20)
         same => n,Hangup()
        exten => 407,1,Dial(PJSIP/sam,20)
         same => n,Log(NOTICE,orig-407-after-dial ${CHANNEL(name)})
         same => n,Hangup()
        exten => h,1,Log(NOTICE,orig-h ${CHANNEL(name)} ${DIALSTATUS} ${DIALEDPEERNAME})
        """;

    public const string Rtp = """
        [general]
        rtpstart = 27000
        rtpend = 27999
        """;

    public const string MusicOnHold = """
        [default]
        mode = files
        directory = moh
        sort = alpha
        """;

    public static Dictionary<string, string> Files() => new()
    {
        ["pjsip.conf"] = Infrastructure.TestConfigs.Transports,
        ["pjsip_wizard.conf"] = Wizard,
        ["extensions.conf"] = Extensions,
        ["rtp.conf"] = Rtp,
        ["musiconhold.conf"] = MusicOnHold,
        ["cdr.conf"] = "[general]\nenable = yes\n\n[csv]\nusegmtime = yes\nloguniqueid = yes\n",
    };
}
