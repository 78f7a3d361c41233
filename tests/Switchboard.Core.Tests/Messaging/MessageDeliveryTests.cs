using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Timing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Events;
using Switchboard.Core.Messaging;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Sip;
using Switchboard.Core.Storage;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Loading;
using Switchboard.TestKit;
using Switchboard.Transport;

namespace Switchboard.Core.Tests.Messaging;

/// <summary>MessageSend on an in-memory SIP stack: delivery to every contact, storing when none answers, forwarding on registration.</summary>
public sealed class MessageDeliveryTests : IAsyncDisposable
{
    private const string Pjsip = """
        [carol]
        type = endpoint
        aors = carol
        [carol]
        type = aor
        max_contacts = 2
        [itsp]
        type = endpoint
        aors = itsp
        outbound_auth = itsp-auth
        [itsp]
        type = aor
        contact = sip:127.0.0.9:5080
        [itsp-auth]
        type = auth
        auth_type = userpass
        username = trunkuser
        password = pw-trunk
        """;

    private const string Extensions = """
        [text]
        exten => _X.,1,Set(MESSAGE(from)=+12025550160)
         same => n,Set(MESSAGE_DATA(X-Tag)=t1)
         same => n,Set(SEEN=${MESSAGE(to)}|${MESSAGE_DATA(X-Origin)})
         same => n,MessageSend(pjsip:carol)
         same => n,Set(STATUS=${MESSAGE_SEND_STATUS})
         same => n,MessageSend(pjsip:nobody)
         same => n,Set(STATUS2=${MESSAGE_SEND_STATUS})

        [trunk]
        exten => _X.,1,MessageSend(pjsip:${EXTEN}@itsp,+12025550160)
         same => n,Set(STATUS=${MESSAGE_SEND_STATUS})
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("msgdel-").FullName;
    private readonly TimingWheel _wheel = new(TimeProvider.System);
    private readonly EventBus _bus = new();
    private readonly InMemoryTransport _transport = new(localEndPoint: new IPEndPoint(IPAddress.Loopback, 5060));
    private readonly SqliteDatabase _db;
    private readonly LocationService _location;
    private readonly MessageStore _store;
    private readonly DialplanEngine _dialplan = new();
    private readonly StoreAndForward _forward;

    public MessageDeliveryTests()
    {
        var diagnostics = new DiagnosticBag();
        var config = PjsipConfigLoader.Build(ConfParser.ParseText("pjsip.conf", Pjsip, diagnostics), null, diagnostics);
        var transports = new TransportRegistry();
        var stack = new SipStack(transports, _wheel, _bus, NullLogger.Instance);
        _transport.Start(stack);
        transports.TryAdd(_transport);
        _db = new SqliteDatabase(Path.Combine(_dir, "astdb.sqlite3"));
        _store = new MessageStore(_db);
        _location = new LocationService(_wheel, _bus);
        var delivery = new MessageDelivery(new PjsipRuntime(config), _location, new SipMessageSender(stack), _store, _dialplan.Globals, TimeProvider.System, NullLogger.Instance);
        _dialplan.Applications.Register(new MessageSendApplication(delivery));
        _dialplan.Functions.Register(new MessageFunction());
        _dialplan.Functions.Register(new MessageDataFunction());
        _dialplan.Publish(DialplanLoader.Load(ConfParser.ParseText("extensions.conf", Extensions, diagnostics), diagnostics));
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        _forward = new StoreAndForward(_store, delivery, _bus, TimeProvider.System, NullLogger.Instance);
    }

    [Fact]
    public async Task Message_for_an_endpoint_without_contacts_is_stored_then_sent_when_it_registers()
    {
        var message = new TextMessage { To = "sip:123@pbx", From = "<sip:alice@pbx>", Body = "Hi ☺\n2" };
        message.AddHeader("X-Origin", "o1");
        var channel = new MessageChannel(message, "alice", TimeProvider.System);
        await _dialplan.RunAsync(channel, "text", "123");
        Assert.Equal("SUCCESS", channel.Variables.Get("STATUS"));
        Assert.Equal("INVALID_URI", channel.Variables.Get("STATUS2"));
        Assert.Equal("sip:123@pbx|o1", channel.Variables.Get("SEEN"));
        var stored = Assert.Single(_store.Queued("carol"));
        Assert.Equal("+12025550160", stored.From);
        Assert.Equal("Hi ☺\n2", stored.Body);

        _forward.Start();
        AddContact("sip:carol@127.0.0.9:5070");
        var sent = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        var text = sent.Text;
        Assert.StartsWith("MESSAGE sip:carol@127.0.0.9:5070 SIP/2.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("From: <sip:+12025550160@127.0.0.1>;tag=", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nHi ☺\n2", text, StringComparison.Ordinal);
        Assert.Contains("Content-Length: " + Encoding.UTF8.GetByteCount("Hi ☺\n2"), text, StringComparison.Ordinal);
        _transport.Deliver(OkFor(text), PeerAddress.FromEndPoint(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 5070)));
        for (int i = 0; i < 100 && _store.Queued().Count > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Empty(_store.Queued());
    }

    [Fact]
    public async Task With_message_expiry_zero_an_undeliverable_message_fails_and_is_not_stored()
    {
        _dialplan.Globals.Set("MESSAGE_EXPIRY", "0");
        var channel = new MessageChannel(new TextMessage { To = "sip:123@pbx", Body = "x" }, "alice", TimeProvider.System);
        await _dialplan.RunAsync(channel, "text", "123");
        Assert.Equal("FAILURE", channel.Variables.Get("STATUS"));
        Assert.Empty(_store.Queued());
    }

    [Fact]
    public async Task Every_registered_contact_gets_the_message_and_one_answer_is_enough()
    {
        AddContact("sip:carol@127.0.0.9:5070");
        AddContact("sip:carol@127.0.0.9:5072");
        var message = new TextMessage { To = "sip:123@pbx", From = "<sip:alice@pbx>", Body = "x" };
        var run = _dialplan.RunAsync(new MessageChannel(message, "alice", TimeProvider.System), "text", "123");
        var first = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        var second = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(first.Destination, second.Destination);
        _transport.Deliver(OkFor(first.Text), first.Destination);
        _transport.Deliver(OkFor(second.Text).Replace("200 OK", "480 Temporarily Unavailable", StringComparison.Ordinal), second.Destination);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_store.Queued());
    }

    [Fact]
    public async Task Message_stored_while_a_device_registers_is_sent_to_that_device_without_waiting_for_another_registration()
    {
        // The first contact is tried; a second device registers while that MESSAGE is in flight, and its delivery
        // run finds nothing stored yet. The first contact then refuses and the message is stored: it must go to
        // the new device now, not when that device next registers (an hour later with Expires 3600).
        AddContact("sip:carol@127.0.0.9:5070");
        var channel = new MessageChannel(new TextMessage { To = "sip:123@pbx", Body = "late" }, "alice", TimeProvider.System);
        var run = _dialplan.RunAsync(channel, "text", "123");
        var first = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("MESSAGE sip:carol@127.0.0.9:5070 SIP/2.0\r\n", first.Text, StringComparison.Ordinal);

        AddContact("sip:carol@127.0.0.9:5072");
        for (int i = 0; i < 200 && _forward.ActiveRuns > 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, _forward.ActiveRuns);
        _transport.Deliver(OkFor(first.Text).Replace("200 OK", "480 Temporarily Unavailable", StringComparison.Ordinal), first.Destination);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("SUCCESS", channel.Variables.Get("STATUS"));
        Assert.Single(_store.Queued("carol"));

        bool reachedNewDevice = false;
        for (int i = 0; i < 10 && !reachedNewDevice; i++)
        {
            // 200 to everything sent (the stored message goes to both contacts; a retransmission may come first)
            var next = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
            _transport.Deliver(OkFor(next.Text), next.Destination);
            reachedNewDevice = next.Text.StartsWith("MESSAGE sip:carol@127.0.0.9:5072 SIP/2.0\r\n", StringComparison.Ordinal) && next.Text.EndsWith("\r\n\r\nlate", StringComparison.Ordinal);
        }

        Assert.True(reachedNewDevice, "the stored message was not sent to the device that registered meanwhile");
        for (int i = 0; i < 100 && _store.Queued().Count > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Empty(_store.Queued());
    }

    [Fact]
    public async Task Message_to_a_trunk_answers_a_401_with_the_outbound_auth_credentials()
    {
        // RFC 3261 §22.2 / RFC 2617 §3.2.2: the retry carries Authorization with response =
        // MD5(HA1:nonce:nc:cnonce:qop:HA2), HA1 = MD5(user:realm:password), HA2 = MD5(method:uri).
        var channel = new MessageChannel(new TextMessage { To = "sip:5550100@pbx", Body = "out" }, "alice", TimeProvider.System);
        var run = _dialplan.RunAsync(channel, "trunk", "5550100");
        var first = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("MESSAGE sip:5550100@127.0.0.9:5080 SIP/2.0\r\n", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization:", first.Text, StringComparison.Ordinal);
        _transport.Deliver(ChallengeFor(first.Text, 401, "WWW-Authenticate"), first.Destination);
        var second = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Header(first.Text, "Call-ID"), Header(second.Text, "Call-ID"));
        Assert.Equal("2 MESSAGE", Header(second.Text, "CSeq"));
        Assert.Equal(Header(first.Text, "From"), Header(second.Text, "From"));
        var authorization = Header(second.Text, "Authorization");
        Assert.StartsWith("Digest ", authorization, StringComparison.Ordinal);
        Assert.Equal("trunkuser", Param(authorization, "username"));
        Assert.Equal("sip:5550100@127.0.0.9:5080", Param(authorization, "uri"));
        var ha1 = Md5("trunkuser:itsp.test:pw-trunk");
        var ha2 = Md5("MESSAGE:sip:5550100@127.0.0.9:5080");
        var expected = Md5($"{ha1}:n0nce:{Param(authorization, "nc")}:{Param(authorization, "cnonce")}:auth:{ha2}");
        Assert.Equal(expected, Param(authorization, "response"));
        Assert.EndsWith("\r\n\r\nout", second.Text, StringComparison.Ordinal);
        _transport.Deliver(OkFor(second.Text), second.Destination);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("SUCCESS", channel.Variables.Get("STATUS"));
    }

    [Fact]
    public async Task Message_to_a_trunk_that_challenges_the_credentials_again_fails_without_looping()
    {
        var channel = new MessageChannel(new TextMessage { To = "sip:5550100@pbx", Body = "out" }, "alice", TimeProvider.System);
        var run = _dialplan.RunAsync(channel, "trunk", "5550100");
        var first = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        _transport.Deliver(ChallengeFor(first.Text, 407, "Proxy-Authenticate"), first.Destination);
        var second = await _transport.NextSentAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("Digest ", Header(second.Text, "Proxy-Authorization"), StringComparison.Ordinal);
        _transport.Deliver(ChallengeFor(second.Text, 407, "Proxy-Authenticate"), second.Destination);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FAILURE", channel.Variables.Get("STATUS"));
    }

    private static string ChallengeFor(string request, int status, string header)
        => OkFor(request).Replace("SIP/2.0 200 OK", status == 401 ? "SIP/2.0 401 Unauthorized" : "SIP/2.0 407 Proxy Authentication Required", StringComparison.Ordinal)
            .Replace("Content-Length: 0", header + ": Digest realm=\"itsp.test\", nonce=\"n0nce\", algorithm=MD5, qop=\"auth\"\r\nContent-Length: 0", StringComparison.Ordinal);

    private static string Header(string message, string name)
    {
        foreach (var line in message.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return string.Empty;
    }

    private static string Param(string header, string name)
    {
        var m = System.Text.RegularExpressions.Regex.Match(header, "(?:^|[ ,])" + name + "=\"?([^\",]*)\"?");
        return m.Success ? m.Groups[1].Value : string.Empty;
    }

    private static string Md5(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private void AddContact(string uri)
    {
        var u = new Uri(uri.Replace("sip:", "sip://", StringComparison.Ordinal));
        var binding = new ContactBinding
        {
            Aor = "carol",
            Uri = uri,
            RegisteredUri = uri,
            Endpoint = "carol",
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            CallId = Guid.NewGuid().ToString(),
            CSeq = 1,
            TransportName = "udp",
            Protocol = "UDP",
            Source = new IPEndPoint(IPAddress.Parse(u.Host), u.Port),
        };
        _location.Update<int>("carol", existing => ([.. existing, binding], 0));
    }

    /// <summary>A 200 for the request in <paramref name="request"/> (Via, From, To, Call-ID, CSeq copied).</summary>
    private static string OkFor(string request)
    {
        var sb = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var line in request.Split("\r\n"))
        {
            if (line.StartsWith("Via:", StringComparison.Ordinal) || line.StartsWith("From:", StringComparison.Ordinal) || line.StartsWith("Call-ID:", StringComparison.Ordinal) || line.StartsWith("CSeq:", StringComparison.Ordinal))
            {
                sb.Append(line).Append("\r\n");
            }
            else if (line.StartsWith("To:", StringComparison.Ordinal))
            {
                sb.Append(line).Append(";tag=uas1\r\n");
            }
        }

        return sb.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _forward.DisposeAsync();
        await _transport.StopAsync();
        _wheel.Dispose();
        _db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
