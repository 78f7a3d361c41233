using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Messaging;

/// <summary>
/// A PBX running the shipped seed dialplan (dp_entry_text_inout, sub_rewrite_from, sub_text_term) with users that
/// have numbers (hints in dp_lookup): alice sends, bob has two devices, carol is offline, dave gets WebSMS.
/// </summary>
public static class MessagingConfigs
{
    public const string Wizard = """
        [user](!)
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        has_hint = yes
        hint_context = dp_lookup
        endpoint/context = dp_entry_call_inout
        endpoint/message_context = dp_entry_text_inout
        endpoint/allow = !all,ulaw,alaw
        aor/max_contacts = 2
        aor/remove_existing = yes

        [alice](user)
        hint_exten = +12025550160
        inbound_auth/username = alice
        inbound_auth/password = pw-alice

        [bob](user)
        hint_exten = +12025550161
        inbound_auth/username = bob
        inbound_auth/password = pw-bob

        [carol](user)
        hint_exten = +12025550162
        inbound_auth/username = carol
        inbound_auth/password = pw-carol

        [dave](user)
        hint_exten = +12025550163
        inbound_auth/username = dave
        inbound_auth/password = pw-dave

        [erin](user)
        hint_exten = +12025550164
        inbound_auth/username = erin
        inbound_auth/password = pw-erin
        """;

    /// <summary>The shipped seed extensions.conf (config/seed, embedded in the executable).</summary>
    public static string SeedExtensions()
    {
        foreach (var f in new Switchboard.Hosting.EmbeddedSeedSource().Files())
        {
            if (f.RelativePath == "extensions.conf")
            {
                using var reader = new StreamReader(f.Open());
                return reader.ReadToEnd();
            }
        }

        throw new InvalidOperationException("seed extensions.conf is not embedded");
    }

    public static Dictionary<string, string> Files(string? websms = null)
    {
        var files = new Dictionary<string, string>
        {
            ["pjsip.conf"] = TestConfigs.Transports,
            ["pjsip_wizard.conf"] = Wizard,
            ["extensions.conf"] = SeedExtensions(),
        };
        if (websms is not null)
        {
            files["websms.conf"] = websms;
        }

        return files;
    }
}
