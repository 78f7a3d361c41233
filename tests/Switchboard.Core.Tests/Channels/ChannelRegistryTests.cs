using Switchboard.Core.Channels;
using Switchboard.Core.Cli;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Tests.Channels;

public sealed class ChannelRegistryTests
{
    [Fact]
    public void Names_follow_asterisk_with_a_hex_sequence_and_unique_ids_are_distinct()
    {
        var registry = new ChannelRegistry(TimeProvider.System);
        var a = new TestChannel(registry, "alice", TimeProvider.System);
        var b = new TestChannel(registry, "bob", TimeProvider.System);
        Assert.Equal("PJSIP/alice-00000001", a.Name);
        Assert.Equal("PJSIP/bob-00000002", b.Name);
        Assert.NotEqual(a.UniqueId, b.UniqueId);
        Assert.Matches(@"^\d+\.\d+$", a.UniqueId);
    }

    [Fact]
    public async Task Hangup_completes_the_hung_up_task_and_keeps_the_first_cause()
    {
        var registry = new ChannelRegistry(TimeProvider.System);
        var c = new TestChannel(registry, "alice", TimeProvider.System);
        Assert.False(c.IsHungUp);
        await c.HangupAsync(17, CancellationToken.None);
        await c.HangupAsync(16, CancellationToken.None);
        Assert.True(c.IsHungUp);
        Assert.True(c.HungUp.IsCompleted);
        Assert.Equal(17, c.HangupCause);
        Assert.False(await c.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task Cli_shows_channels_in_asterisk_formats_and_requests_hangup()
    {
        var registry = new ChannelRegistry(TimeProvider.System);
        var alice = new TestChannel(registry, "alice", TimeProvider.System) { Context = "default", Exten = "200", Application = "Dial", ApplicationData = "PJSIP/bob,20" };
        alice.SetState(ChannelState.Up);
        var bob = new TestChannel(registry, "bob", TimeProvider.System) { BridgedTo = alice, BridgeId = "5c3f0a6e-bridge" };
        alice.BridgedTo = bob;
        alice.BridgeId = bob.BridgeId;
        registry.Add(alice);
        registry.Add(bob);
        registry.CountCall();
        var cli = new CliCommandRegistry();
        ChannelCliCommands.Register(cli, registry, TimeProvider.System, async name =>
        {
            if (!registry.TryGet(name, out var c))
            {
                return false;
            }

            await c.HangupAsync(16, CancellationToken.None);
            registry.Remove(c);
            return true;
        });

        var text = await Run(cli, "core show channels");
        Assert.Contains("Channel", text, StringComparison.Ordinal);
        Assert.Contains("Application(Data)", text, StringComparison.Ordinal);
        Assert.Contains("200@default:1", text, StringComparison.Ordinal);
        Assert.Contains("Dial(PJSIP/bob,20)", text, StringComparison.Ordinal);
        Assert.Contains("2 active channels", text, StringComparison.Ordinal);
        Assert.Contains("1 active call", text, StringComparison.Ordinal);
        Assert.Contains("1 call processed", text, StringComparison.Ordinal);

        var concise = (await Run(cli, "core show channels concise")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fields = concise[0].TrimEnd('\r').Split('!');
        Assert.Equal(14, fields.Length);
        Assert.Equal(["PJSIP/alice-00000001", "default", "200", "1", "Up", "Dial", "PJSIP/bob,20"], fields[..7]);
        // Field 13 is the bridge's id since Asterisk 12 (the bridged channel's name before), empty when not bridged.
        Assert.Equal("5c3f0a6e-bridge", fields[12]);
        Assert.Equal(alice.UniqueId, fields[13]);

        Assert.Contains("Objects found: 2", await Run(cli, "pjsip show channels"), StringComparison.Ordinal);
        Assert.Contains("Requested Hangup on channel 'PJSIP/bob-00000002'", await Run(cli, "channel request hangup PJSIP/bob-00000002"), StringComparison.Ordinal);
        Assert.True(bob.IsHungUp);
        Assert.Contains("is not a known channel", await Run(cli, "channel request hangup PJSIP/nobody-1"), StringComparison.Ordinal);
        Assert.Contains("1 active channel", await Run(cli, "core show channels count"), StringComparison.Ordinal);
    }

    /// <summary>
    /// core show channels (main/cli.c handle_chanlist) for an originated Local pair: both halves start at
    /// exten@context:1 (ast_unreal_new_channels); ;1 — placed by the dial API of originate — shows
    /// AppDial2((Outgoing Line)) in Down until it runs dialplan, ;2 is in Ring;
    /// concise and verbose carry the same; pjsip show channels lists only PJSIP channels (Local ones are not its).
    /// </summary>
    [Fact]
    public async Task Cli_shows_an_originated_local_pair_as_asterisk_does()
    {
        var registry = new ChannelRegistry(TimeProvider.System);
        var (one, two) = Switchboard.Core.Local.LocalChannel.CreatePair(registry, "402", "orig", TimeProvider.System);
        OutgoingLine.MarkOriginated(one);
        registry.Add(one);
        registry.Add(two);
        var cli = new CliCommandRegistry();
        ChannelCliCommands.Register(cli, registry, TimeProvider.System, _ => Task.FromResult(false));

        var text = await Run(cli, "core show channels");
        Assert.Matches(@"Local/402@orig-[0-9a-f]{8};1 +402@orig:1 +Down +AppDial2\(\(Outgoing Line\)\)", text);
        Assert.Matches(@"Local/402@orig-[0-9a-f]{8};2 +402@orig:1 +Ring +\(None\)", text);
        Assert.Contains("2 active channels", text, StringComparison.Ordinal);

        var concise = (await Run(cli, "core show channels concise")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = Array.Find(concise, l => l.Contains(";1!", StringComparison.Ordinal))!.TrimEnd('\r').Split('!');
        Assert.Equal(["Down", "AppDial2", "(Outgoing Line)"], first[4..7]);
        Assert.Equal(one.UniqueId, first[13]);

        var verbose = await Run(cli, "core show channels verbose");
        Assert.Contains("AppDial2", verbose, StringComparison.Ordinal);
        Assert.Contains("Objects found: 0", await Run(cli, "pjsip show channels"), StringComparison.Ordinal);
    }

    /// <summary>
    /// core show channels verbose with Asterisk 22's columns (main/cli.c since 18.18/20.3): Channel 80, Context 24,
    /// Extension 24, Prio 4, State 7, Application 12, Data 25, CallerID 15, Duration 8 right-aligned, Accountcode 11,
    /// PeerAccount 11, BridgeID 20, one space apart, each value cut to its column.
    /// </summary>
    [Fact]
    public async Task Verbose_listing_has_asterisk_22_columns_and_cuts_each_value_to_its_width()
    {
        var registry = new ChannelRegistry(TimeProvider.System);
        var (one, two) = Switchboard.Core.Local.LocalChannel.CreatePair(registry, "+12025550164", "dp_entry_answer", TimeProvider.System);
        one.Context = "dp_entry_text_in_a_rather_long_context_name";
        one.Application = "MessageSend";
        one.ApplicationData = "pjsip:erin,+4670999999,and-a-long-tail";
        registry.Add(one);
        registry.Add(two);
        var cli = new CliCommandRegistry();
        ChannelCliCommands.Register(cli, registry, TimeProvider.System, _ => Task.FromResult(false));

        var lines = (await Run(cli, "core show channels verbose")).Split('\n');
        var header = lines[0].TrimEnd('\r');
        var expected = string.Join(' ', "Channel".PadRight(80), "Context".PadRight(24), "Extension".PadRight(24), "Prio", "State".PadRight(7), "Application".PadRight(12),
            "Data".PadRight(25), "CallerID".PadRight(15), "Duration", "Accountcode", "PeerAccount", "BridgeID".PadRight(20));
        Assert.Equal(expected, header);
        Assert.Equal(252, header.Length);

        var row = Array.Find(lines, l => l.StartsWith(one.Name, StringComparison.Ordinal))!.TrimEnd('\r');
        Assert.Equal(header.Length, row.Length);
        Assert.Equal(one.Name.PadRight(80), row[..80]);
        Assert.Equal("dp_entry_text_in_a_rathe", row.Substring(81, 24));
        Assert.Equal("+12025550164".PadRight(24), row.Substring(106, 24));
        Assert.Equal("   1", row.Substring(131, 4));
        Assert.Equal("MessageSend ", row.Substring(144, 12));
        Assert.Equal("pjsip:erin,+4670999999,an", row.Substring(157, 25));
        Assert.Matches(@"^\d\d:\d\d:\d\d$", row.Substring(199, 8));

        var other = Array.Find(lines, l => l.StartsWith(two.Name, StringComparison.Ordinal))!;
        Assert.Equal("(None)      ", other.Substring(144, 12));
        Assert.Equal("(Empty)".PadRight(25), other.Substring(157, 25));
    }

    private static async Task<string> Run(CliCommandRegistry cli, string line)
    {
        using var w = new StringWriter();
        await cli.ExecuteAsync(line, w, CancellationToken.None);
        return w.ToString();
    }
}
