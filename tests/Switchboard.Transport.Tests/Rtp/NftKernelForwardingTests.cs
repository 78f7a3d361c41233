using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Media;
using Switchboard.Common.Nft;
using Switchboard.Transport.Rtp.Kernel;

namespace Switchboard.Transport.Tests.Rtp;

/// <summary>
/// Kernel forwarding's nft side against a scripted nft: what it sends, how it batches, and what a refusal does. The
/// real kernel path is Switchboard.Media.Tests' KernelForwardingNamespaceTests.
/// </summary>
public sealed class NftKernelForwardingTests
{
    private static readonly KernelForwardRule AToB = new(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 4000), 20000, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 20002), new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5000));
    private static readonly KernelForwardRule BToA = new(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5000), 20002, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 20000), new IPEndPoint(IPAddress.Parse("198.51.100.7"), 4000));

    /// <summary>Records every script; refuses any script containing one of <see cref="RefuseContaining"/>.</summary>
    private sealed class ScriptedNft : INftRunner
    {
        public List<string> Scripts { get; } = [];

        public List<string> RefuseContaining { get; } = [];

        /// <summary>What <c>nft list map ... relay</c> prints.</summary>
        public string Listing { get; set; } = "";

        public Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
        {
            lock (Scripts)
            {
                Scripts.Add(standardInput ?? "");
            }

            if (arguments.Count > 0 && arguments[0] == "list")
            {
                return Task.FromResult(new NftResult(0, Listing, ""));
            }

            bool refused = RefuseContaining.Any(r => standardInput?.Contains(r, StringComparison.Ordinal) == true);
            return Task.FromResult(refused ? new NftResult(1, "", "Error: Could not process rule: Operation not permitted") : new NftResult(0, "", ""));
        }

        public string[] Snapshot()
        {
            lock (Scripts)
            {
                return [.. Scripts];
            }
        }
    }

    private static async Task<(NftKernelForwarding Forwarding, ScriptedNft Nft)> StartAsync()
    {
        var nft = new ScriptedNft();
        var (forwarding, error) = await NftKernelForwarding.StartAsync(nft, NullLogger.Instance, ipForward: "1\n", activityPoll: TimeSpan.FromMilliseconds(20));
        Assert.True(forwarding is not null, error);
        return (forwarding!, nft);
    }

    private static void WaitFor(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            Thread.Sleep(10);
        }

        Assert.True(condition());
    }

    [Fact]
    public void OneDirectionIsFiveElementsWithTheKeyAddedLastAndRemovedFirst()
    {
        var add = new StringBuilder();
        KernelForwardingScript.Add(add, 7, AToB, IPAddress.Parse("192.0.2.10"));
        Assert.Equal(
            """
            add element ip switchboard_media daddr { 0x5b0d0007 : 203.0.113.9 }
            add element ip switchboard_media dport { 0x5b0d0007 : 5000 }
            add element ip switchboard_media saddr { 0x5b0d0007 : 192.0.2.10 }
            add element ip switchboard_media sport { 0x5b0d0007 : 20002 }
            add element ip switchboard_media relay { 198.51.100.7 . 4000 . 20000 : 0x5b0d0007 }

            """.ReplaceLineEndings("\n"),
            add.ToString());

        var remove = new StringBuilder();
        KernelForwardingScript.Remove(remove, 7, AToB);
        Assert.StartsWith("delete element ip switchboard_media relay { 198.51.100.7 . 4000 . 20000 }\n", remove.ToString(), StringComparison.Ordinal);
        Assert.Equal(5, remove.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task WithoutIpForwardingOrWhenNftRefusesTheTableItDoesNotStart()
    {
        var nft = new ScriptedNft();
        var (forwarding, error) = await NftKernelForwarding.StartAsync(nft, NullLogger.Instance, ipForward: "0\n");
        Assert.Null(forwarding);
        Assert.Contains("ip_forward", error, StringComparison.Ordinal);
        Assert.Empty(nft.Scripts);

        nft.RefuseContaining.Add("table ip switchboard_media");
        (forwarding, error) = await NftKernelForwarding.StartAsync(nft, NullLogger.Instance, ipForward: "1\n");
        Assert.Null(forwarding);
        Assert.Contains("CAP_NET_ADMIN", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARelayIsAppliedAsOneTransactionAndItsRemovalFreesItsMarks()
    {
        var (forwarding, nft) = await StartAsync();
        using var _ = forwarding;
        var handle = forwarding.TryForward(AToB, BToA)!;
        WaitFor(() => handle.IsActive);
        var scripts = nft.Snapshot();
        Assert.Equal(2, scripts.Length);
        Assert.StartsWith("table ip switchboard_media\ndelete table ip switchboard_media\n", scripts[0].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("relay { 198.51.100.7 . 4000 . 20000 : 0x5b0d0001 }", scripts[1], StringComparison.Ordinal);
        Assert.Contains("relay { 203.0.113.9 . 5000 . 20002 : 0x5b0d0002 }", scripts[1], StringComparison.Ordinal);
        Assert.Equal(1, forwarding.ActiveRelays);

        handle.Dispose();
        Assert.False(handle.IsActive);
        WaitFor(() => forwarding.ActiveRelays == 0);
        Assert.Contains("delete element ip switchboard_media relay { 198.51.100.7 . 4000 . 20000 }", nft.Snapshot()[2], StringComparison.Ordinal);

        // The marks are free again: the next relay gets the next ones, never one still in the table.
        var next = forwarding.TryForward(AToB, BToA)!;
        WaitFor(() => next.IsActive);
        Assert.Contains(": 0x5b0d0003 }", nft.Snapshot()[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARelayDisposedBeforeItReachedTheKernelIsNeverSent()
    {
        var (forwarding, nft) = await StartAsync();
        using var _ = forwarding;
        forwarding.TryForward(AToB, BToA)!.Dispose();
        var kept = forwarding.TryForward(BToA with { LocalPort = 30000 }, AToB with { LocalPort = 30002 })!;
        WaitFor(() => kept.IsActive);
        Assert.DoesNotContain(nft.Snapshot(), s => s.Contains(". 20000 :", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenABatchIsRefusedEachRelayIsTriedAloneAndOnlyTheRefusedOneStaysInTheProcess()
    {
        var (forwarding, nft) = await StartAsync();
        using var _ = forwarding;
        nft.RefuseContaining.Add(". 30000 :");
        var good = forwarding.TryForward(AToB, BToA)!;
        var bad = forwarding.TryForward(AToB with { LocalPort = 30000 }, BToA with { LocalPort = 30002 })!;
        WaitFor(() => good.IsActive && bad.IsRefused);
        Assert.False(bad.IsActive);
        Assert.Equal(1, forwarding.ActiveRelays);
        Assert.Equal(1, forwarding.RefusedRelays);
    }

    [Fact]
    public void TheRelayMapsCountersAreReadPerDirection()
    {
        const string Listing = """
            table ip switchboard_media {
            	map relay {
            		type ipv4_addr . inet_service . inet_service : mark
            		counter
            		elements = { 198.51.100.7 . 4000 . 20000 counter packets 150 bytes 25800 : 0x5b0d0001,
            			     203.0.113.9 . 5000 . 20002 counter packets 0 bytes 0 : 0x5b0d0002,
            			     10.0.0.1 . 1 . 2 counter packets 9 bytes 9 : 0x12340003 }
            	}
            }
            """;
        var counts = KernelForwardingScript.ParseCounters(Listing);
        Assert.Equal(new Dictionary<int, long> { [1] = 150, [2] = 0 }, counts);
    }

    [Fact]
    public async Task ARelayWithAListenerHearsWhichDirectionsTheKernelForwardedSinceTheLastRead()
    {
        var (forwarding, nft) = await StartAsync();
        using var _ = forwarding;
        var seen = new System.Collections.Concurrent.ConcurrentQueue<bool>();
        var handle = forwarding.TryForward(AToB, BToA, seen.Enqueue)!;
        WaitFor(() => handle.IsActive);

        nft.Listing = "elements = { 198.51.100.7 . 4000 . 20000 counter packets 50 bytes 8600 : 0x5b0d0001, 203.0.113.9 . 5000 . 20002 counter packets 0 bytes 0 : 0x5b0d0002 }";
        WaitFor(() => seen.Count == 1);
        Thread.Sleep(100);
        Assert.Equal([true], seen.ToArray());

        // Unchanged counts report nothing; a rise in the other direction reports it.
        nft.Listing = nft.Listing.Replace("packets 0 bytes 0", "packets 7 bytes 1204", StringComparison.Ordinal);
        WaitFor(() => seen.Count == 2);
        Thread.Sleep(100);
        Assert.Equal([true, false], seen.ToArray());

        handle.Dispose();
        nft.Listing = nft.Listing.Replace("packets 50 ", "packets 99 ", StringComparison.Ordinal);
        Thread.Sleep(100);
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task DisposingRemovesTheTableAndRefusesNewRelays()
    {
        var (forwarding, nft) = await StartAsync();
        forwarding.Dispose();
        Assert.Equal("delete table ip switchboard_media\n", nft.Snapshot()[^1]);
        Assert.Null(forwarding.TryForward(AToB, BToA));
    }
}
