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
        var bob = new TestChannel(registry, "bob", TimeProvider.System) { BridgedTo = alice };
        alice.BridgedTo = bob;
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
        Assert.Equal("PJSIP/bob-00000002", fields[12]);
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

    private static async Task<string> Run(CliCommandRegistry cli, string line)
    {
        using var w = new StringWriter();
        await cli.ExecuteAsync(line, w, CancellationToken.None);
        return w.ToString();
    }
}
