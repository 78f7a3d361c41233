using System.Globalization;
using System.Text;

namespace Switchboard.Interop.Tests.Infrastructure;

/// <summary>Configuration sets for interop tests ({SIP_PORT} is replaced by the instance's free port).</summary>
public static class TestConfigs
{
    public const string Transports = """
        [global]
        type = global
        user_agent = Switchboard Test

        [t-udp]
        type = transport
        protocol = udp
        bind = 127.0.0.1:{SIP_PORT}

        [t-tcp]
        type = transport
        protocol = tcp
        bind = 127.0.0.1:{SIP_PORT}
        """;

    /// <summary>pjsip.conf + pjsip_wizard.conf with users u0001..uNNNN (password pw-uNNNN) and a few special AORs.</summary>
    public static Dictionary<string, string> Users(int count, int qualifyFrequency = 0, int nonceLifetime = 32)
    {
        var wizard = new StringBuilder();
        wizard.AppendLine(CultureInfo.InvariantCulture, $"""
            [user](!)
            type = wizard
            accepts_auth = yes
            accepts_registrations = yes
            endpoint/context = default
            endpoint/allow = !all,ulaw,alaw
            aor/max_contacts = 2
            aor/remove_existing = yes
            aor/minimum_expiration = 60
            aor/qualify_frequency = {qualifyFrequency}
            inbound_auth/nonce_lifetime = {nonceLifetime}

            [strict](user)
            aor/remove_existing = no
            inbound_auth/username = strict
            inbound_auth/password = pw-strict
            """);
        for (int i = 1; i <= count; i++)
        {
            var name = User(i);
            wizard.AppendLine(CultureInfo.InvariantCulture, $"[{name}](user)\ninbound_auth/username = {name}\ninbound_auth/password = {Password(name)}\n");
        }

        return new Dictionary<string, string>
        {
            ["pjsip.conf"] = Transports,
            ["pjsip_wizard.conf"] = wizard.ToString(),
        };
    }

    public static string User(int i) => "u" + i.ToString("D4", CultureInfo.InvariantCulture);

    public static string Password(string user) => "pw-" + user;
}
