using Switchboard.Interop.Tests.Calls;
using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>
/// Message waiting on the wire: a SIPp phone registered as an endpoint whose <c>mailboxes</c> lists mwi1@example.com
/// receives the message-summary NOTIFY (RFC 3842 body) when a call runs MinivmMWI(mwi1@example.com,1,2,3).
/// The body is res_pjsip_mwi's: Voice-Message new/old (0/0) with MinivmMWI's urgent counted as new (app_minivm), and
/// Message-Account only where res_pjsip's voicemail_extension (endpoint for unsolicited NOTIFY, AOR for subscriptions)
/// or [global] default_voicemail_extension names one — the NOTIFY's local URI with that extension as its user.
/// </summary>
[Collection("sipp")]
public sealed class MwiSippTests : IAsyncLifetime
{
    private const string Users = """

        [mwi1](user)
        endpoint/mailboxes = mwi1@example.com
        endpoint/voicemail_extension = *97
        inbound_auth/username = mwi1
        inbound_auth/password = pw-mwi1

        [mwi2](user)
        endpoint/mailboxes = mwi2@example.com
        inbound_auth/username = mwi2
        inbound_auth/password = pw-mwi2

        [mwi3](user)
        aor/mailboxes = mwi3@example.com
        aor/voicemail_extension = 8503
        inbound_auth/username = mwi3
        inbound_auth/password = pw-mwi3

        [mwi4](user)
        aor/mailboxes = mwi4@example.com
        inbound_auth/username = mwi4
        inbound_auth/password = pw-mwi4
        """;

    private const string Extensions = """

        exten => 300,1,Answer()
         same => n,MinivmMWI(mwi1@example.com,1,2,3)
         same => n,Hangup()
        exten => 301,1,Answer()
         same => n,MinivmMWI(mwi2@example.com,0,1,0)
         same => n,Hangup()
        exten => 302,1,Answer()
         same => n,MinivmMWI(mwi3@example.com,0,4,2)
         same => n,Hangup()
        exten => 303,1,Answer()
         same => n,MinivmMWI(mwi4@example.com,2,5,1)
         same => n,Hangup()
        """;

    private PbxInstance _pbx = null!;

    public async Task InitializeAsync()
    {
        var files = CallConfigs.Files();
        files["pjsip_wizard.conf"] += Users;
        files["extensions.conf"] = files["extensions.conf"].Replace("exten => h,1,", Extensions.TrimStart('\n', '\r') + "\nexten => h,1,", StringComparison.Ordinal);
        _pbx = PbxInstance.Create(files);
        await _pbx.StartAsync();
    }

    public async Task DisposeAsync() => await _pbx.DisposeAsync();

    [SkippableFact]
    public async Task A_registered_phone_gets_the_message_summary_notify_after_a_call_runs_MinivmMWI()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        int port = await _pbx.RegisterSippAsync("mwi1");
        var phone = Sipp.RunAsync("mwi-notify-uas.xml", _pbx.SipPort, ["-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40), localPort: port);
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "300", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + _pbx.Output);
        var received = await phone;
        Assert.True(received.ExitCode == 0, "phone: " + received + "\n" + _pbx.Output);
        string log = received.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("NOTIFY sip:mwi1@127.0.0.1:", log, StringComparison.Ordinal);
        Assert.Contains("Event: message-summary\n", log, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/simple-message-summary\n", log, StringComparison.Ordinal);
        Assert.Contains("Messages-Waiting: yes\nMessage-Account: sip:*97@127.0.0.1\nVoice-Message: 3/3 (0/0)\n", log, StringComparison.Ordinal);
        await _pbx.WaitForLogAsync(TimeSpan.FromSeconds(5), "MWI: NOTIFY mwi1 at sip:mwi1@127.0.0.1:");
    }

    /// <summary>SUBSCRIBE Event: message-summary to one's own mailbox: 200, a NOTIFY with the current counts, and on unsubscribe a terminated NOTIFY.</summary>
    [SkippableFact]
    public async Task A_message_summary_subscription_is_answered_with_the_current_counts()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "301", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + _pbx.Output);
        var watcher = await Sipp.RunAsync("mwi-subscribe-once.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("mwi2", "pw-mwi2")]), "-s", "mwi2", "-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40));
        Assert.True(watcher.ExitCode == 0, "watcher: " + watcher + "\n" + _pbx.Output);
        string log = watcher.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/simple-message-summary\n", log, StringComparison.Ordinal);
        Assert.Contains("Messages-Waiting: yes\nVoice-Message: 1/0 (0/0)\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Message-Account", log, StringComparison.Ordinal);
        Assert.Contains("Subscription-State: terminated", log, StringComparison.Ordinal);
    }

    /// <summary>A watcher of an AOR's mailboxes (aor/mailboxes) hears "no" first, then a NOTIFY with the new counts when a call runs MinivmMWI.</summary>
    [SkippableFact]
    public async Task A_message_summary_watcher_is_notified_when_MinivmMWI_changes_the_counts()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var watcher = Sipp.RunAsync("mwi-subscribe-change.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("mwi3", "pw-mwi3")]), "-s", "mwi3", "-m", "1", "-trace_msg"], TimeSpan.FromSeconds(60));
        await _pbx.WaitForLogAsync(TimeSpan.FromSeconds(20), "Subscription from mwi3 to mwi3", "MessageSummary");
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "302", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + _pbx.Output);
        var result = await watcher;
        Assert.True(result.ExitCode == 0, "watcher: " + result + "\n" + _pbx.Output);
        string log = result.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal);
        string account = "Message-Account: sip:8503@127.0.0.1:" + _pbx.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
        int first = log.IndexOf("Messages-Waiting: no\n" + account + "Voice-Message: 0/0 (0/0)\n", StringComparison.Ordinal);
        int changed = log.IndexOf("Messages-Waiting: yes\n" + account + "Voice-Message: 4/2 (0/0)\n", StringComparison.Ordinal);
        Assert.True(first >= 0 && changed > first, "first NOTIFY says no messages, the next one 4 new and 2 old:\n" + log);
    }

    /// <summary>
    /// res_pjsip_mwi's find_aor_for_resource: a SUBSCRIBE to the AOR's voicemail_extension (8503) finds that AOR of the
    /// subscriber, so it watches its mailboxes; Message-Account is the Request-URI with that extension as user.
    /// </summary>
    [SkippableFact]
    public async Task A_subscription_to_the_voicemail_extension_watches_that_aors_mailboxes()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "302", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + _pbx.Output);
        var watcher = await Sipp.RunAsync("mwi-subscribe-once.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("mwi3", "pw-mwi3")]), "-s", "8503", "-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40));
        Assert.True(watcher.ExitCode == 0, "watcher: " + watcher + "\n" + _pbx.Output);
        string log = watcher.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal);
        string port = _pbx.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Messages-Waiting: yes\nMessage-Account: sip:8503@127.0.0.1:" + port + "\nVoice-Message: 4/2 (0/0)\n", log, StringComparison.Ordinal);
    }

    /// <summary>
    /// The counts MinivmMWI published outlive a restart of the PBX (kept in its SQLite state): a SUBSCRIBE after the
    /// restart hears 7 new (2 urgent + 5) and 1 old, not 0/0.
    /// </summary>
    [SkippableFact]
    public async Task Counts_published_before_a_restart_answer_a_subscription_after_it()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        var caller = await Sipp.RunAsync("privdial-uac-pbx-bye.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "303", "-m", "1"], TimeSpan.FromSeconds(40));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + _pbx.Output);
        await _pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), "MinivmMWI", "mwi4@example.com");
        Assert.Equal(0, await _pbx.StopAsync());

        await _pbx.StartAsync();
        var watcher = await Sipp.RunAsync("mwi-subscribe-once.xml", _pbx.SipPort, ["-inf", Sipp.UsersFile([("mwi4", "pw-mwi4")]), "-s", "mwi4", "-m", "1", "-trace_msg"], TimeSpan.FromSeconds(40));
        Assert.True(watcher.ExitCode == 0, "watcher: " + watcher + "\n" + _pbx.Output);
        string log = watcher.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("Messages-Waiting: yes\nVoice-Message: 7/1 (0/0)\n", log, StringComparison.Ordinal);
    }
}
