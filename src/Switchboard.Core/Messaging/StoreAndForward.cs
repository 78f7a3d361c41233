using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;

namespace Switchboard.Core.Messaging;

/// <summary>
/// Delivers stored messages when their endpoint registers a contact (registrar's Created event), at start and
/// when MessageSend stores a message for an endpoint that registered meanwhile, and drops expired ones with a log
/// line once a minute. One delivery run per endpoint at a time.
/// </summary>
internal sealed class StoreAndForward : IAsyncDisposable
{
    private readonly MessageStore _store;
    private readonly MessageDelivery _delivery;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly IDisposable _subscription;
    private readonly ConcurrentDictionary<string, EndpointRun> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _purgeLoop;

    public StoreAndForward(MessageStore store, MessageDelivery delivery, EventBus bus, TimeProvider time, ILogger log)
    {
        _store = store;
        _delivery = delivery;
        _time = time;
        _log = log;
        _subscription = bus.Subscribe<ContactChanged>(OnContactChanged);
        delivery.StoredWhileRegistering = Kick;
    }

    /// <summary>Endpoints with a delivery run going now.</summary>
    internal int ActiveRuns
    {
        get
        {
            int n = 0;
            foreach (var run in _runs.Values)
            {
                n += Volatile.Read(ref run.Running);
            }

            return n;
        }
    }

    public void Start()
    {
        PurgeExpired();
        foreach (var endpoint in _store.Queued().Select(m => m.Endpoint).Distinct(StringComparer.Ordinal))
        {
            Kick(endpoint);
        }

        _purgeLoop = PurgeLoopAsync(_stop.Token);
    }

    private void OnContactChanged(ContactChanged e)
    {
        if (e.Change == ContactChange.Created || (e.Change == ContactChange.StatusChanged && e.Status.Status == ContactStatus.Reachable))
        {
            Kick(e.Contact.Endpoint);
        }
    }

    /// <summary>Starts a delivery run for <paramref name="endpoint"/>; a run already going is asked to go once more.</summary>
    public void Kick(string endpoint)
    {
        var run = _runs.GetOrAdd(endpoint, static _ => new EndpointRun());
        Interlocked.Increment(ref run.Requested);
        if (Interlocked.CompareExchange(ref run.Running, 1, 0) == 0)
        {
            _ = RunAsync(endpoint, run);
        }
    }

    private async Task RunAsync(string endpoint, EndpointRun run)
    {
        await Task.Yield();
        while (true)
        {
            int seen = Volatile.Read(ref run.Requested);
            try
            {
                await _delivery.DeliverQueuedAsync(endpoint).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or ObjectDisposedException)
            {
                MessagingLog.ForwardFailed(_log, endpoint, ex.Message);
            }

            if (Volatile.Read(ref run.Requested) != seen)
            {
                continue;
            }

            Volatile.Write(ref run.Running, 0);
            if (Volatile.Read(ref run.Requested) == seen || Interlocked.CompareExchange(ref run.Running, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task PurgeLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                PurgeExpired();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void PurgeExpired()
    {
        try
        {
            foreach (var m in _store.RemoveExpired(_time.GetUtcNow()))
            {
                MessagingLog.Expired(_log, m.Id, m.Endpoint, m.From, m.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            MessagingLog.StoreFailed(_log, ex.Message);
        }
    }

    /// <summary>Delivery runs of one endpoint: how often one was asked for, and whether one is going (one at a time).</summary>
    private sealed class EndpointRun
    {
        public int Requested;
        public int Running;
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_purgeLoop is not null)
        {
            await _purgeLoop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
