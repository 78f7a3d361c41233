using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Gives memory back once a load has passed (see <see cref="IdleTrimPolicy"/>): a full compacting collection
/// that decommits the free heap, then glibc's <c>malloc_trim</c> so the native arenas the sockets and the runtime
/// grew under load shrink too (skipped where the C library has no such function).
/// </summary>
internal sealed partial class IdleMemoryTrimmer : IAsyncDisposable
{
    private readonly IdleTrimPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private bool _mallocTrimMissing;

    private readonly Func<long> _pending;

    /// <param name="pending">Activity a load leaves alive for a while after it (live SIP transactions and channels).</param>
    public IdleMemoryTrimmer(TimeProvider time, ILogger log, Func<long> pending)
    {
        _time = time;
        _pending = pending;
        _log = log;
        _policy = new IdleTrimPolicy(GC.GetTotalAllocatedBytes(), Environment.WorkingSet);
    }

    /// <summary>Trims done since start.</summary>
    public int Trims { get; private set; }

    public void Start() => _loop = LoopAsync(_stop.Token);

    private async Task LoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(IdleTrimPolicy.Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                if (_policy.Sample(GC.GetTotalAllocatedBytes(), Environment.WorkingSet, _pending()))
                {
                    Trim();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Collects everything, decommits the free heap and trims the native heap.</summary>
    public void Trim()
    {
        long before = Environment.WorkingSet;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
        long live = GC.GetGCMemoryInfo().HeapSizeBytes;
        long after = Environment.WorkingSet;
        _policy.Trimmed(GC.GetTotalAllocatedBytes(), after, _pending());
        Trims++;
        LogTrimmed(before / (1024 * 1024), after / (1024 * 1024), live / (1024 * 1024));
    }

    private void TrimNativeHeap()
    {
        if (_mallocTrimMissing || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _mallocTrimMissing = true; // musl or another C library
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Load over: memory trimmed, RSS {BeforeMb} -> {AfterMb} MB, live heap {LiveMb} MB")]
    private partial void LogTrimmed(long beforeMb, long afterMb, long liveMb);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
