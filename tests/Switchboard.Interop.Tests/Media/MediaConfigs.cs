namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// A PBX for dialplan media tests: alice calls (µ-law or A-law), bob answers in µ-law, alawbob only in A-law,
/// quiet has rtp_timeout=2. The extensions are an IVR menu, prompts, early media, Echo, music on hold and Dial.
/// </summary>
public static class MediaConfigs
{
    public const string Wizard = """
        [user](!)
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/context = media
        endpoint/allow = !all,ulaw,alaw
        endpoint/direct_media = no
        aor/max_contacts = 1
        aor/remove_existing = yes

        [alice](user)
        inbound_auth/username = alice
        inbound_auth/password = pw-alice

        [bob](user)
        endpoint/allow = !all,ulaw
        inbound_auth/username = bob
        inbound_auth/password = pw-bob

        [alawbob](user)
        endpoint/allow = !all,alaw
        inbound_auth/username = alawbob
        inbound_auth/password = pw-alawbob

        [ringer](user)
        inbound_auth/username = ringer
        inbound_auth/password = pw-ringer

        [quiet](user)
        endpoint/rtp_timeout = 2
        inbound_auth/username = quiet
        inbound_auth/password = pw-quiet
        """;

    /// <summary>Menu 300: digit 1 hangs up with cause 21, digit 2 with cause 22, no digit with 31 (each branch logs its choice).</summary>
    public const string Extensions = """
        [general]
        autofallthrough = yes

        [media]
        exten => 300,1,Answer()
         same => n,Background(demo-congrats)
         same => n,WaitExten(10)
        exten => 1,1,Log(NOTICE,menu-choice 1 ${CHANNEL(name)})
         same => n,Hangup(21)
        exten => 2,1,Log(NOTICE,menu-choice 2 ${CHANNEL(name)})
         same => n,Hangup(22)
        exten => t,1,Log(NOTICE,menu-timeout ${CHANNEL(name)})
         same => n,Hangup(31)

        exten => 301,1,Answer()
         same => n,Playback(digits/1&digits/2)
         same => n,Log(NOTICE,playback-done ${PLAYBACKSTATUS})
         same => n,Hangup()

        exten => 302,1,Progress()
         same => n,Playback(digits/1,noanswer)
         same => n,Log(NOTICE,early-done ${PLAYBACKSTATUS})
         same => n,Hangup()

        exten => 310,1,Dial(PJSIP/alawbob,20)
         same => n,Hangup()
        exten => 311,1,Dial(PJSIP/bob,20)
         same => n,Hangup()

        exten => 312,1,Dial(PJSIP/ringer,3,m)
         same => n,Log(NOTICE,dial-moh ${DIALSTATUS})
         same => n,Hangup()

        exten => 320,1,Answer()
         same => n,Echo()
         same => n,Log(NOTICE,echo-done ${CHANNEL(name)})
         same => n,Hangup()

        exten => 330,1,Answer()
         same => n,MusicOnHold(,2)
         same => n,Log(NOTICE,moh-done ${CHANNEL(name)})
         same => n,Hangup()

        exten => 350,1,Answer()
         same => n,Read(NUM,beep,1,,1,10)
         same => n,Log(NOTICE,read-result ${NUM} ${READSTATUS})
         same => n,SayNumber(42)
         same => n,SayDigits(${NUM})
         same => n,Log(NOTICE,say-done)
         same => n,Hangup()

        exten => 340,1,Answer()
         same => n,Wait(20)
         same => n,Hangup()

        exten => h,1,Log(NOTICE,hangup ${CHANNEL(name)} ${HANGUPCAUSE})
        """;

    public const string Rtp = """
        [general]
        rtpstart = 23000
        rtpend = 23999
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
    };
}
