using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Core.Bridges;
using Switchboard.Core.Cdr;
using Switchboard.Core.Channels;
using Switchboard.Core.Tests.Channels;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Tests.Cdr;

/// <summary>One row per call (party A), filled from the channel lifecycle and flushed to Master.csv.</summary>
public sealed class CdrRecorderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cdr-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Bridged_call_gives_one_answered_row_for_party_a_only()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var (registry, writer) = Recording();
        var a = new TestChannel(registry, "alice", _time) { Context = "default", Exten = "300", CallerId = new CallerIdInfo("1001", "Alice") };
        registry.Add(a);
        var b = new TestChannel(registry, "bob", _time) { LinkedId = a.UniqueId };
        registry.Add(b);
        registry.NotifyDialBegin(a, b, "bob");
        _time.Advance(TimeSpan.FromSeconds(2));
        b.SetState(ChannelState.Up);
        registry.NotifyDialEnd(a, b, "ANSWER");
        a.SetState(ChannelState.Up);
        using (var bridge = new Bridge("br-1", a, b))
        {
            bridge.Start();
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        a.LastApplication = "Dial";
        a.LastApplicationData = "PJSIP/bob,20";
        await b.HangupAsync(16, default);
        registry.Remove(b);
        await a.HangupAsync(16, default);
        registry.Remove(a);
        await writer.DisposeAsync();

        var lines = MasterRows();
        var line = Assert.Single(lines);
        Assert.StartsWith("\"\",\"1001\",\"300\",\"default\",\"\"\"Alice\"\" <1001>\",\"" + a.Name + "\",\"" + b.Name + "\",\"Dial\",\"PJSIP/bob,20\",\"2026-11-23 10:00:00\",\"2026-11-23 10:00:02\",\"2026-11-23 10:00:07\",7,5,\"ANSWERED\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_keeps_the_dialplan_position_of_the_hangup_when_the_h_extension_has_started_before_it_is_written()
    {
        // The row is the call up to its hangup: an h extension that starts before the channel leaves the registry
        // (its Log moves exten to h and lastapp to Log) does not change dst, dcontext, lastapp or lastdata.
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var (registry, writer) = Recording();
        var a = new TestChannel(registry, "alice", _time) { Context = "orig", Exten = "403", CallerId = new CallerIdInfo("1001", "Alice") };
        registry.Add(a);
        a.SetState(ChannelState.Up);
        a.LastApplication = "Wait";
        a.LastApplicationData = "20";
        await a.HangupAsync(16, default);
        a.Context = "hctx";
        a.Exten = "h";
        a.LastApplication = "Log";
        a.LastApplicationData = "NOTICE,bye";
        registry.Remove(a);
        await writer.DisposeAsync();

        var line = Assert.Single(MasterRows());
        Assert.StartsWith("\"\",\"1001\",\"403\",\"orig\",\"\"\"Alice\"\" <1001>\",\"" + a.Name + "\",\"\",\"Wait\",\"20\"", line, StringComparison.Ordinal);
        Assert.Equal(new DialplanPosition("orig", "403", "Wait", "20"), a.PositionAtHangup);
    }

    [Fact]
    public async Task Dialled_local_pair_gives_the_caller_a_row_to_local_1_and_local_2_a_row_of_its_own()
    {
        // Asterisk: the caller's CDR has party B Local/...;1 (the dialled channel), while ;2 runs exten@context as a
        // channel that was not dialled and so gets a CDR of its own (with its own Dial's party B, or none).
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var (registry, writer) = Recording();
        var a = new TestChannel(registry, "alice", _time) { Context = "default", Exten = "310", CallerId = new CallerIdInfo("1001", "Alice") };
        registry.Add(a);
        var dora = new TestChannel(registry, "dora", _time) { LinkedId = a.UniqueId };
        registry.Add(dora);
        var (one, two) = Switchboard.Core.Local.LocalChannel.CreatePair(registry, "210", "inner", _time);
        one.IsDialTarget = true;
        two.IsDialTarget = true;
        one.LinkedId = a.UniqueId;
        two.LinkedId = a.UniqueId;
        two.CallerId = a.CallerId;
        registry.Add(one);
        registry.Add(two);
        registry.NotifyDialBegin(a, dora, "dora");
        registry.NotifyDialBegin(a, one, "Local/210@inner");
        _time.Advance(TimeSpan.FromSeconds(2));
        await two.AnswerAsync(default);
        registry.NotifyDialEnd(a, dora, "CANCEL");
        registry.NotifyDialEnd(a, one, "ANSWER");
        a.SetState(ChannelState.Up);
        _time.Advance(TimeSpan.FromSeconds(3));
        two.LastApplication = "Hangup";
        one.HangupPair(16);
        await a.HangupAsync(16, default);
        registry.Remove(a);
        await dora.HangupAsync(16, default);
        registry.Remove(dora);
        await writer.DisposeAsync();

        var lines = MasterRows();
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"" + two.Name + "\",\"\",\"Hangup\"", StringComparison.Ordinal) && l.Contains("\"210\",\"inner\"", StringComparison.Ordinal) && l.Contains("\"ANSWERED\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"" + a.Name + "\",\"" + one.Name + "\"", StringComparison.Ordinal) && l.Contains("\"ANSWERED\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"" + a.Name + "\",\"" + dora.Name + "\"", StringComparison.Ordinal) && l.Contains("\"NO ANSWER\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split("\",\"")[5] == one.Name);
    }

    [Fact]
    public async Task Forked_dial_writes_one_row_per_a_b_pair_with_each_legs_own_disposition()
    {
        // Asterisk's CDR engine: one CDR per party B dialled; post_cdr drops unanswered records only when they
        // lack a dstchannel (unanswered=no), so the winner is ANSWERED and each loser keeps its own status.
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var (registry, writer) = Recording();
        var a = new TestChannel(registry, "alice", _time) { Context = "default", Exten = "300", CallerId = new CallerIdInfo("1001", "Alice") };
        registry.Add(a);
        var legs = new List<TestChannel>();
        foreach (var name in new[] { "bob1", "bob2", "carol" })
        {
            var leg = new TestChannel(registry, name, _time) { LinkedId = a.UniqueId };
            registry.Add(leg);
            registry.NotifyDialBegin(a, leg, name);
            legs.Add(leg);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        registry.NotifyDialEnd(a, legs[2], "BUSY");
        _time.Advance(TimeSpan.FromSeconds(1));
        legs[0].SetState(ChannelState.Up);
        registry.NotifyDialEnd(a, legs[0], "ANSWER");
        registry.NotifyDialEnd(a, legs[1], "CANCEL");
        a.SetState(ChannelState.Up);
        using (var bridge = new Bridge("br-2", a, legs[0]))
        {
            bridge.Start();
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        a.LastApplication = "Dial";
        a.LastApplicationData = "PJSIP/bob1&PJSIP/bob2&PJSIP/carol,20";
        foreach (var leg in legs)
        {
            registry.Remove(leg);
        }

        await a.HangupAsync(16, default);
        registry.Remove(a);
        await writer.DisposeAsync();

        var lines = MasterRows();
        Assert.Equal(3, lines.Length);
        var head = "\"\",\"1001\",\"300\",\"default\",\"\"\"Alice\"\" <1001>\",\"" + a.Name + "\",\"";
        var data = "\",\"Dial\",\"PJSIP/bob1&PJSIP/bob2&PJSIP/carol,20\",";
        Assert.StartsWith(head + legs[0].Name + data + "\"2026-11-23 10:00:00\",\"2026-11-23 10:00:02\",\"2026-11-23 10:00:07\",7,5,\"ANSWERED\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(head + legs[1].Name + data + "\"2026-11-23 10:00:00\",\"\",\"2026-11-23 10:00:02\",2,0,\"NO ANSWER\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(head + legs[2].Name + data + "\"2026-11-23 10:00:00\",\"\",\"2026-11-23 10:00:01\",1,0,\"BUSY\"", lines[2], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Contains("\"" + a.UniqueId + "\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer_before_a_failed_dial_keeps_the_call_answered()
    {
        var (registry, writer) = Recording();
        var a = new TestChannel(registry, "alice", _time);
        registry.Add(a);
        a.SetState(ChannelState.Up);
        var b = new TestChannel(registry, "bob", _time) { LinkedId = a.UniqueId };
        registry.Add(b);
        registry.NotifyDialBegin(a, b, "bob");
        _time.Advance(TimeSpan.FromSeconds(3));
        registry.NotifyDialEnd(a, b, "NOANSWER");
        registry.Remove(b);
        registry.Remove(a);
        await writer.DisposeAsync();
        var line = Assert.Single(MasterRows());
        Assert.Contains("\"" + b.Name + "\"", line, StringComparison.Ordinal);
        Assert.Contains("\"ANSWERED\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_cdr_writes_nothing()
    {
        var (registry, writer) = Recording(new CdrConfig { Enabled = false });
        var a = new TestChannel(registry, "alice", _time);
        registry.Add(a);
        registry.Remove(a);
        await writer.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(_dir, "Master.csv")));
    }

    [Fact]
    public async Task Account_code_also_gets_its_own_file()
    {
        var (registry, writer) = Recording();
        var a = new TestChannel(registry, "alice", _time) { AccountCode = "sales" };
        registry.Add(a);
        a.HangupCause = 17;
        registry.Remove(a);
        await writer.DisposeAsync();
        Assert.Contains("\"BUSY\"", File.ReadAllText(Path.Combine(_dir, "Master.csv")), StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(_dir, "sales.csv")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A channel registry whose lifecycle a recorder (<paramref name="config"/>, default cdr.conf) writes to a
    /// Master.csv in the test's folder; dispose the writer to flush it.</summary>
    private (ChannelRegistry Registry, CdrCsvWriter Writer) Recording(CdrConfig? config = null)
    {
        var registry = new ChannelRegistry(_time);
        var writer = new CdrCsvWriter(_dir, NullLogger.Instance);
        registry.AddObserver(new CdrRecorder(writer, config ?? CdrConfig.Default, _time));
        return (registry, writer);
    }

    private string[] MasterRows() => File.ReadAllLines(Path.Combine(_dir, "Master.csv"));
}
