using System.Diagnostics;
using System.Globalization;
using Switchboard.Core.Cli;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Run;

/// <summary>
/// <c>core show memory [gc]</c>: the process's resident size, the managed heap (size, fragmentation, committed,
/// per generation) and the counts of the objects a call or a message keeps (transactions, channels). With
/// <c>gc</c> a full blocking compacting collection runs first, so the heap figure is what is really alive (the
/// load scripts use it to tell retention from garbage not yet collected).
/// </summary>
internal static class MemoryCliCommand
{
    public static void Register(CliCommandRegistry cli, PjsipService pjsip, CallService calls)
        => cli.Register(CliCommand.Sync("core show memory", "Show process and managed heap memory, and live transactions/channels", (a, o) =>
        {
            if (a.Count > 0 && a[0].Equals("gc", StringComparison.OrdinalIgnoreCase))
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            Write(o, pjsip, calls);
        }, "Usage: core show memory [gc]"));

    private static void Write(TextWriter o, PjsipService pjsip, CallService calls)
    {
        using var self = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var counters = pjsip.Stack.Transactions.Counters;
        Line(o, "rss_kb", self.WorkingSet64 / 1024);
        Line(o, "gc_heap_kb", info.HeapSizeBytes / 1024);
        Line(o, "gc_fragmented_kb", info.FragmentedBytes / 1024);
        Line(o, "gc_committed_kb", info.TotalCommittedBytes / 1024);
        Line(o, "gc_allocated_now_kb", GC.GetTotalMemory(false) / 1024);
        var gens = info.GenerationInfo;
        for (int g = 0; g < gens.Length; g++)
        {
            Line(o, g < 3 ? $"gc_gen{g}_after_kb" : g == 3 ? "gc_loh_after_kb" : "gc_poh_after_kb", gens[g].SizeAfterBytes / 1024);
        }

        Line(o, "gc_collections_0_1_2", $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Line(o, "gc_total_allocated_kb", GC.GetTotalAllocatedBytes() / 1024);
        Line(o, "server_transactions", counters.ActiveServerTransactions);
        Line(o, "client_transactions", counters.ActiveClientTransactions);
        Line(o, "channels", calls.Channels.Count);
        Line(o, "threads", self.Threads.Count);
    }

    private static void Line(TextWriter o, string name, long value) => Line(o, name, value.ToString(CultureInfo.InvariantCulture));

    private static void Line(TextWriter o, string name, string value) => o.WriteLine($"{name,-24}: {value}");
}
