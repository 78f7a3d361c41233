using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Timing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Sip;
using Switchboard.Core.Voicemail;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.TestKit;
using Switchboard.Transport;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>
/// MWI (docs: Dialplan_Applications/MinivmMWI; res_pjsip endpoint/mailboxes; RFC 3842): MinivmMWI(account,urgent,new,old)
/// publishes the counts and every endpoint whose mailboxes list the account gets a message-summary NOTIFY at each
/// registered contact, with an application/simple-message-summary body.
/// </summary>
public sealed class MessageWaitingTests : IDisposable
{
    private const string Pjsip = """
        [vicky]
        type = endpoint
        aors = vicky
        mailboxes = vicky@example.com
        [vicky]
        type = aor
        max_contacts = 2
        [walt]
        type = endpoint
        aors = walt
        [walt]
        type = aor
        [xena]
        type = endpoint
        aors = xena
        mailboxes = xena@example.com
        voicemail_extension = *97
        mwi_from_user = vmail
        from_domain = pbx.example.com
        [xena]
        type = aor
        """;

    private readonly TimingWheel _wheel = new(TimeProvider.System);
    private readonly EventBus _bus = new();
    private readonly InMemoryTransport _transport = new(localEndPoint: new IPEndPoint(IPAddress.Loopback, 5060));
    private readonly LocationService _location;
    private readonly MessageWaitingState _state = new();
    private readonly UnsolicitedMwiNotifier _notifier;
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-vm-mwi-").FullName;

    public MessageWaitingTests()
    {
        var diagnostics = new DiagnosticBag();
        var config = PjsipConfigLoader.Build(ConfParser.ParseText("pjsip.conf", Pjsip, diagnostics), null, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        var transports = new TransportRegistry();
        var stack = new SipStack(transports, _wheel, _bus, NullLogger.Instance);
        _transport.Start(stack);
        transports.TryAdd(_transport);
        _location = new LocationService(_wheel, _bus);
        _notifier = new UnsolicitedMwiNotifier(stack, new PjsipRuntime(config), _location, _state, NullLogger.Instance);
    }

    /// <summary>
    /// res_pjsip_mwi_body_generator: Messages-Waiting, Message-Account only when one was made, Voice-Message new/old
    /// (0/0); app_minivm's MinivmMWI publishes urgent + new as the new count (queue_mwi_event).
    /// </summary>
    [Theory]
    [InlineData(0, 2, 1, "Messages-Waiting: yes\r\nMessage-Account: sip:*97@example.com\r\nVoice-Message: 2/1 (0/0)\r\n")]
    [InlineData(1, 3, 0, "Messages-Waiting: yes\r\nMessage-Account: sip:*97@example.com\r\nVoice-Message: 4/0 (0/0)\r\n")]
    [InlineData(0, 0, 4, "Messages-Waiting: no\r\nMessage-Account: sip:*97@example.com\r\nVoice-Message: 0/4 (0/0)\r\n")]
    [InlineData(2, 0, 0, "Messages-Waiting: yes\r\nMessage-Account: sip:*97@example.com\r\nVoice-Message: 2/0 (0/0)\r\n")]
    public void The_body_is_res_pjsip_mwi_simple_message_summary(int urgent, int fresh, int old, string expected)
        => Assert.Equal(expected, MessageSummary.Body("sip:*97@example.com", new MwiCounts(urgent, fresh, old)));

    [Fact]
    public void Without_a_voicemail_extension_the_body_has_no_message_account()
        => Assert.Equal("Messages-Waiting: no\r\nVoice-Message: 0/0 (0/0)\r\n", MessageSummary.Body(null, default));

    /// <summary>
    /// res_pjsip endpoint/aor voicemail_extension and [global] default_voicemail_extension: the local URI with the
    /// extension as its user; the endpoint's (or AOR's) own value wins over the global default; neither: no header.
    /// </summary>
    [Theory]
    [InlineData("*97", "", "pbx.example.com", "sip:*97@pbx.example.com")]
    [InlineData("", "8500", "127.0.0.1:5060", "sip:8500@127.0.0.1:5060")]
    [InlineData(" vm ", "8500", "10.0.0.1", "sip:vm@10.0.0.1")]
    [InlineData("", "", "10.0.0.1", null)]
    public void Message_account_is_the_local_uri_with_the_voicemail_extension(string extension, string defaultExtension, string hostPort, string? expected)
        => Assert.Equal(expected, MessageSummary.AccountUri(extension, defaultExtension, hostPort));

    [Fact]
    public async Task Every_contact_of_an_endpoint_listing_the_mailbox_gets_a_notify()
    {
        AddContact("vicky", "sip:vicky@127.0.0.9:5070");
        AddContact("vicky", "sip:vicky@127.0.0.9:5072");
        AddContact("walt", "sip:walt@127.0.0.9:5074");
        Assert.Equal(2, _notifier.Notify("Vicky@Example.com", new MwiCounts(0, 2, 1)));
        var first = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        var second = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        string[] uris = [first.Text.Split("\r\n")[0], second.Text.Split("\r\n")[0]];
        Array.Sort(uris, StringComparer.Ordinal);
        Assert.Equal(["NOTIFY sip:vicky@127.0.0.9:5070 SIP/2.0", "NOTIFY sip:vicky@127.0.0.9:5072 SIP/2.0"], uris);
        var text = first.Text;
        Assert.Contains("\r\nEvent: message-summary\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nSubscription-State: active\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/simple-message-summary\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nFrom: <sip:asterisk@127.0.0.1>;tag=", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nMessages-Waiting: yes\r\nVoice-Message: 2/1 (0/0)\r\n", text, StringComparison.Ordinal);

        Assert.Equal(0, _notifier.Notify("nobody@example.com", new MwiCounts(0, 1, 0)));
    }

    /// <summary>
    /// res_pjsip_mwi unsolicited NOTIFY: From user is mwi_from_user, its host from_domain, and Message-Account that
    /// From URI with the endpoint's voicemail_extension as user.
    /// </summary>
    [Fact]
    public async Task An_endpoint_with_voicemail_extension_gets_a_message_account_on_its_from_uri()
    {
        AddContact("xena", "sip:xena@127.0.0.9:5076");
        Assert.Equal(1, _notifier.Notify("xena@example.com", new MwiCounts(1, 1, 2)));
        var text = (await _transport.NextSentAsync(TimeSpan.FromSeconds(10))).Text;
        Assert.Contains("\r\nFrom: <sip:vmail@pbx.example.com>;tag=", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nMessages-Waiting: yes\r\nMessage-Account: sip:*97@pbx.example.com\r\nVoice-Message: 2/2 (0/0)\r\n", text, StringComparison.Ordinal);
    }

    /// <summary>res_pjsip mailboxes "mailbox[@context]": a bare mailbox is mailbox@default, in either spelling.</summary>
    [Fact]
    public void A_bare_mailbox_is_the_same_as_mailbox_at_default()
    {
        var state = new MessageWaitingState();
        state.Publish("1000", new MwiCounts(0, 1, 2));
        Assert.Equal(new MwiCounts(0, 1, 2), state.Get("1000@DEFAULT"));
        Assert.True(state.Knows(" 1000 "));
        Assert.False(state.Knows("1000@other"));
        Assert.Equal("1000@default", MessageWaitingState.Normalize(" 1000"));
        Assert.Equal("vicky@example.com", MessageWaitingState.Normalize("vicky@example.com "));
    }

    [Fact]
    public void Counts_kept_in_the_store_come_back_in_a_new_state()
    {
        var path = Path.Combine(_dir, "state.sqlite3");
        using (var db = new Switchboard.Core.Storage.SqliteDatabase(path))
        {
            var state = new MessageWaitingState();
            state.UseStore(new MwiCountsStore(db));
            state.Publish("Vicky@example.com", new MwiCounts(1, 2, 3));
            state.Publish("vicky@example.com", new MwiCounts(0, 4, 5));
            state.Publish("walt@example.com", new MwiCounts(0, 0, 0));
        }

        using var reopened = new Switchboard.Core.Storage.SqliteDatabase(path);
        var restarted = new MessageWaitingState();
        Assert.False(restarted.Knows("vicky@example.com"));
        restarted.UseStore(new MwiCountsStore(reopened));
        Assert.Equal(new MwiCounts(0, 4, 5), restarted.Get("VICKY@example.com"));
        Assert.True(restarted.Knows("walt@example.com"));
        Assert.False(restarted.Knows("nobody@example.com"));
    }

    [Fact]
    public async Task A_contact_that_registers_hears_the_known_state_of_its_mailboxes()
    {
        var contact = AddContact("vicky", "sip:vicky@127.0.0.9:5070");
        _notifier.ContactAdded(contact);
        Assert.Empty(_transport.Sent);
        _state.Publish("vicky@example.com", new MwiCounts(0, 1, 0));
        _notifier.ContactAdded(contact);
        var sent = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("NOTIFY sip:vicky@127.0.0.9:5070 SIP/2.0\r\n", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Voice-Message: 1/0 (0/0)", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinivmMWI_publishes_the_counts_of_the_mailbox()
    {
        await using var service = VoicemailService.Create(null, Path.Combine(_dir, "vm"), Path.Combine(_dir, "outbox"), _dir, NullLoggerFactory.Instance);
        var engine = new DialplanEngine();
        service.Register(engine);
        var seen = new List<(string, MwiCounts)>();
        service.MessageWaiting.AddListener((m, c) => seen.Add((m, c)));
        Assert.True(engine.Applications.TryGet("MinivmMWI", out var mwi));
        var ch = new RecordingFakeChannel();
        var ctx = new DialplanContext(engine, ch, "default", "s");
        Assert.Equal(AppResult.Continue, await mwi.ExecuteAsync(ctx, "vicky@example.com,1,2,3", CancellationToken.None));
        Assert.Equal(AppResult.Continue, await mwi.ExecuteAsync(ctx, "walt@Example.com,,x", CancellationToken.None));
        Assert.Equal(AppResult.Continue, await mwi.ExecuteAsync(ctx, "no-domain,1,1,1", CancellationToken.None));
        Assert.Equal([("vicky@example.com", new MwiCounts(1, 2, 3)), ("walt@example.com", new MwiCounts(0, 0, 0))], seen);
        Assert.Equal(new MwiCounts(1, 2, 3), service.MessageWaiting.Get("VICKY@example.com"));
    }

    private ContactBinding AddContact(string aor, string uri)
    {
        var u = new Uri(uri.Replace("sip:", "sip://", StringComparison.Ordinal));
        var binding = new ContactBinding
        {
            Aor = aor,
            Uri = uri,
            RegisteredUri = uri,
            Endpoint = aor,
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            CallId = Guid.NewGuid().ToString(),
            CSeq = 1,
            TransportName = "udp",
            Protocol = "UDP",
            Source = new IPEndPoint(IPAddress.Parse(u.Host), u.Port),
        };
        _location.Update<int>(aor, existing => ([.. existing, binding], 0));
        return binding;
    }

    public void Dispose()
    {
        _wheel.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
