using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Common.Media;
using Switchboard.Common.Nft;

namespace Switchboard.Transport.Rtp.Kernel;

/// <summary>
/// Kernel forwarding through nftables (<see cref="KernelForwardingScript"/>). Relays hand their two directions over
/// from RTP threads without blocking; a worker gathers what arrived within <see cref="BatchDelay"/> into one
/// <c>nft -f -</c> transaction. When a transaction fails, its changes are retried one relay at a time, so one refused
/// relay stays in the process and the others still go to the kernel. Needs CAP_NET_ADMIN and, for peers on other
/// hosts, net.ipv4.ip_forward = 1 in the PBX's network namespace; IPv4 only.
/// </summary>
public sealed partial class NftKernelForwarding : IKernelForwarding, IDisposable
{
    /// <summary>How long the worker gathers changes before running nft.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>How often the packet counters of relays with a listener are read (rtp_timeout), by default.</summary>
    public static readonly TimeSpan DefaultActivityPoll = TimeSpan.FromSeconds(2);

    private readonly INftRunner _runner;
    private readonly ILogger _log;
    private readonly Channel<(KernelRelayHandle Relay, bool Add)> _changes = Channel.CreateUnbounded<(KernelRelayHandle, bool)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly KernelForwardingMarks _marks = new();
    private readonly Task _worker;
    private readonly Task _poller;
    private readonly TimeSpan _activityPoll;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<int, KernelRelayHandle> _watched = [];
    private readonly Dictionary<int, long> _counts = [];
    private int _active;
    private long _refused;
    private int _disposed;

    private NftKernelForwarding(INftRunner runner, ILogger log, TimeSpan activityPoll)
    {
        _runner = runner;
        _log = log;
        _activityPoll = activityPoll;
        _worker = Task.Run(RunAsync);
        _poller = Task.Run(PollAsync);
    }

    /// <summary>The table this process started last and has not stopped (for <c>rtp show settings</c>).</summary>
    public static NftKernelForwarding? Current { get; private set; }

    /// <summary>Why the last start was refused (null after a successful start).</summary>
    public static string? LastRefusal { get; private set; }

    /// <summary>Relays the kernel forwards now.</summary>
    public int ActiveRelays => Volatile.Read(ref _active);

    /// <summary>Relays the kernel refused (they stayed in the process).</summary>
    public long RefusedRelays => Interlocked.Read(ref _refused);

    /// <summary>
    /// Installs the table (replacing one an earlier process left) and starts the worker; null with the reason when
    /// the kernel or the container does not allow it. <paramref name="ipForward"/> is the content of
    /// /proc/sys/net/ipv4/ip_forward (null: read it); <paramref name="activityPoll"/> how often relays with a packet
    /// listener have their counters read (default <see cref="DefaultActivityPoll"/>).
    /// </summary>
    public static async Task<(NftKernelForwarding? Forwarding, string? Error)> StartAsync(INftRunner runner, ILogger log, string? ipForward = null, TimeSpan? activityPoll = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(log);
        var (forwarding, error) = await TryStartAsync(runner, log, ipForward, activityPoll ?? DefaultActivityPoll, cancellationToken).ConfigureAwait(false);
        LastRefusal = error;
        if (forwarding is not null)
        {
            Current = forwarding;
        }

        return (forwarding, error);
    }

    private static async Task<(NftKernelForwarding? Forwarding, string? Error)> TryStartAsync(INftRunner runner, ILogger log, string? ipForward, TimeSpan activityPoll, CancellationToken cancellationToken)
    {
        ipForward ??= ReadIpForward();
        if (ipForward?.Trim() != "1")
        {
            return (null, "net.ipv4.ip_forward is not 1 in this network namespace, so datagrams for peers on other hosts would be dropped (docker run --sysctl net.ipv4.ip_forward=1)");
        }

        NftResult result;
        try
        {
            result = await runner.RunAsync(["-f", "-"], KernelForwardingScript.Setup(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, $"nft could not be started: {e.Message}");
        }

        if (!result.Success)
        {
            return (null, $"nft refused the table (CAP_NET_ADMIN is needed): {result.Error.Trim()}");
        }

        return (new NftKernelForwarding(runner, log, activityPoll), null);
    }

    public IKernelForwardingHandle? TryForward(KernelForwardRule aToB, KernelForwardRule bToA, Action<bool>? packetsSeen = null)
    {
        if (Volatile.Read(ref _disposed) != 0 || !IsIPv4(aToB) || !IsIPv4(bToA))
        {
            return null;
        }

        int first;
        int second;
        lock (_gate)
        {
            first = _marks.Allocate();
            second = first == 0 ? 0 : _marks.Allocate();
            if (second == 0)
            {
                _marks.Free(first);
                return null;
            }
        }

        var handle = new KernelRelayHandle(this, aToB, bToA, first, second, packetsSeen);
        if (_changes.Writer.TryWrite((handle, true)))
        {
            return handle;
        }

        // Stopped meanwhile.
        Release(handle);
        return null;
    }

    /// <summary>Stops the worker and removes the table (every relay goes back to the process).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _changes.Writer.TryComplete();
        _stopping.Cancel();
        if (ReferenceEquals(Current, this))
        {
            Current = null;
        }

        try
        {
            _worker.Wait(TimeSpan.FromSeconds(10));
            _poller.Wait(TimeSpan.FromSeconds(10));
            var result = _runner.RunAsync(["-f", "-"], KernelForwardingScript.Teardown(), CancellationToken.None).GetAwaiter().GetResult();
            if (!result.Success)
            {
                LogTeardownFailed(_log, result.Error.Trim());
            }
        }
        catch (Exception e) when (e is AggregateException or System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            LogTeardownFailed(_log, e.Message);
        }
    }

    private static string? ReadIpForward()
    {
        try
        {
            return File.ReadAllText("/proc/sys/net/ipv4/ip_forward");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsIPv4(KernelForwardRule rule) =>
        rule.Source.AddressFamily == AddressFamily.InterNetwork && rule.Destination.AddressFamily == AddressFamily.InterNetwork
        && rule.Egress.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>The local address datagrams to <paramref name="destination"/> leave from (connecting a UDP socket sends nothing).</summary>
    internal static IPAddress? EgressAddress(KernelForwardRule rule)
    {
        if (!rule.Egress.Address.Equals(IPAddress.Any))
        {
            return rule.Egress.Address;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(rule.Destination);
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private void Release(KernelRelayHandle handle)
    {
        lock (_gate)
        {
            _watched.Remove(handle.FirstId);
            _marks.Free(handle.FirstId);
            _marks.Free(handle.SecondId);
        }
    }

    internal void Remove(KernelRelayHandle handle)
    {
        if (!_changes.Writer.TryWrite((handle, false)))
        {
            // Shut down: the table is being removed as a whole.
            Release(handle);
        }
    }

    private async Task RunAsync()
    {
        var reader = _changes.Reader;
        var batch = new List<(KernelRelayHandle Relay, bool Add)>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await Task.Delay(BatchDelay).ConfigureAwait(false);
            batch.Clear();
            while (reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            await ApplyAsync(batch).ConfigureAwait(false);
        }
    }

    /// <summary>Applies one gathered batch as one transaction, else change by change.</summary>
    private async Task ApplyAsync(List<(KernelRelayHandle Relay, bool Add)> batch)
    {
        var work = new List<(KernelRelayHandle Relay, bool Add, string Lines)>(batch.Count);
        foreach (var (relay, add) in batch)
        {
            if (add && relay.RemovedBeforeApplied)
            {
                // Added and removed before it reached the kernel: nothing to do either way.
                Release(relay);
                continue;
            }

            if (!add && !relay.Applied)
            {
                // Its add is in this batch (skipped above) or was refused.
                continue;
            }

            string? lines = add ? relay.AddLines() : relay.RemoveLines();
            if (lines is null)
            {
                relay.Refuse();
                Interlocked.Increment(ref _refused);
                Release(relay);
                continue;
            }

            work.Add((relay, add, lines));
        }

        if (work.Count == 0)
        {
            return;
        }

        var script = new StringBuilder();
        foreach (var item in work)
        {
            script.Append(item.Lines);
        }

        if (await RunAsync(script.ToString()).ConfigureAwait(false) is null)
        {
            foreach (var item in work)
            {
                Done(item.Relay, item.Add, succeeded: true);
            }

            return;
        }

        foreach (var item in work)
        {
            string? error = await RunAsync(item.Lines).ConfigureAwait(false);
            if (error is not null)
            {
                LogChangeRefused(_log, item.Add ? "add" : "remove", item.Relay.Describe(), error);
            }

            Done(item.Relay, item.Add, error is null);
        }
    }

    private void Done(KernelRelayHandle relay, bool add, bool succeeded)
    {
        if (add)
        {
            if (!succeeded)
            {
                relay.Refuse();
                Interlocked.Increment(ref _refused);
                Release(relay);
                return;
            }

            Interlocked.Increment(ref _active);
            if (relay.Listens)
            {
                lock (_gate)
                {
                    _watched[relay.FirstId] = relay;
                }
            }

            if (!relay.MarkApplied())
            {
                // Disposed while the add was running: its remove is queued behind it (or was skipped): queue it again.
                Remove(relay);
            }

            return;
        }

        Interlocked.Decrement(ref _active);
        if (succeeded)
        {
            Release(relay);
        }

        // A remove the kernel refused leaves the ids taken, so no later relay is given a mark still in the table.
    }

    /// <summary>
    /// Every <see cref="_activityPoll"/> while relays with a listener are in the kernel: reads the relay map's packet
    /// counters and tells each such relay which directions forwarded packets since the last read.
    /// </summary>
    private async Task PollAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_activityPoll, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            KernelRelayHandle[] watched;
            lock (_gate)
            {
                watched = [.. _watched.Values];
            }

            if (watched.Length == 0)
            {
                continue;
            }

            NftResult listing;
            _counts.Clear();
            try
            {
                listing = await _runner.RunLinesAsync(KernelForwardingScript.ListRelays(), line => KernelForwardingScript.ParseCounters(line, _counts), token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                continue;
            }

            if (!listing.Success)
            {
                continue;
            }

            foreach (var relay in watched)
            {
                relay.Observe(_counts);
            }
        }
    }

    /// <summary>Runs one script; null on success, else nft's error.</summary>
    private async Task<string?> RunAsync(string script)
    {
        try
        {
            var result = await _runner.RunAsync(["-f", "-"], script, CancellationToken.None).ConfigureAwait(false);
            return result.Success ? null : result.Error.Trim();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "kernel forwarding: nft refused to {Change} {Relay}: {Error}; that relay stays in the process")]
    private static partial void LogChangeRefused(ILogger logger, string change, string relay, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kernel forwarding: removing the nftables table failed: {Error}")]
    private static partial void LogTeardownFailed(ILogger logger, string error);
}
