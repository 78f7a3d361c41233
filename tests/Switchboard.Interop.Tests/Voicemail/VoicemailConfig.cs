using System.Globalization;
using Switchboard.Interop.Tests.PrivateDial;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>
/// The seed configuration (as the PrivateDial tests use it) plus users with mailboxes for the voicemail flows and a
/// minivm.conf whose mailcmd (PrivateDial's minivm-send arguments) points at the test's SMTP sink.
/// </summary>
public static class VoicemailConfig
{
    public static string Users => """

        [vicky](site_user)
        hint_exten = +46701234591
        endpoint/callerid = Vicky Example <+46701234591>
        endpoint/mailboxes = vicky@example.com
        inbound_auth/username = vicky
        inbound_auth/password = pw-vicky

        [walt](site_user)
        hint_exten = +46701234592
        endpoint/callerid = Walt Example <+46701234592>
        endpoint/mailboxes = walt@example.com
        inbound_auth/username = walt
        inbound_auth/password = pw-walt

        [xena](site_user)
        hint_exten = +46701234593
        endpoint/callerid = Xena Example <+46701234593>
        endpoint/mailboxes = xena@example.com
        inbound_auth/username = xena
        inbound_auth/password = pw-xena

        [yuri](site_user)
        hint_exten = +46701234594
        endpoint/callerid = Yuri Example <+46701234594>
        endpoint/mailboxes = yuri@example.com
        inbound_auth/username = yuri
        inbound_auth/password = pw-yuri
        """;

    public static string MiniVm(int smtpPort) => string.Create(CultureInfo.InvariantCulture, $$"""
        [general]
        mailcmd = minivm-send -H 127.0.0.1:{{smtpPort}} -P smtp -f voicemail-noreply@example.com
        format = wav49

        [template-en_US_email]
        fromemail = voicemail-noreply@example.com
        fromaddress = voicemail
        messagebody = ${MVM_CALLERID} left you a ${MVM_DUR} long message on ${MVM_DATE} UTC, see attachment.
        subject = [voicemail] from ${MVM_CALLERID}
        charset = iso-8859-1
        attachmedia = yes
        dateformat = %A, %d %B %Y at %H:%M:%S
        locale = sv_SE
        """);

    public static Dictionary<string, string> Files(int itspPort, int smtpPort)
    {
        var files = PrivateDialConfig.Files(itspPort);
        files["pjsip_endpoint.conf"] = PrivateDialConfig.Endpoints(itspPort) + Users;
        files["minivm.conf"] = MiniVm(smtpPort);
        return files;
    }
}
