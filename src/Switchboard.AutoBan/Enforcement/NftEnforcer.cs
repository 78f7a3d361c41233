using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.AutoBan.Logging;
using Switchboard.AutoBan.Policy;
using Switchboard.Common.Nft;

namespace Switchboard.AutoBan.Enforcement;

/// <summary>
/// AutoBan's nftables layer: turns policy changes into nft commands and applies them in batches, one
/// <c>nft -f -</c> process per batch (everything queued while the previous batch ran goes into the next one). A batch
/// is one nft transaction; if it fails, its units are retried one by one so a single bad element costs only itself.
/// </summary>
internal sealed class NftEnforcer : IBanObserver
{
    private const int MaxUnitsPerBatch = 1000;
    private static readonly string[] FileFromStdin = ["-f", "-"];

    private readonly INftRunner _runner;
    private readonly NftScript _script;
    private readonly ILogger _logger;
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private Task _worker = Task.CompletedTask;
    private long _batches;
    private long _failures;

    public NftEnforcer(INftRunner runner, NftScript script, ILogger logger)
    {
        _runner = runner;
        _script = script;
        _logger = logger;
    }

    /// <summary>nft processes run so far (batches, including retries).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Units nft refused.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Creates the table (with the restored elements); false with the reason when nft refuses.</summary>
    public async Task<(bool Ok, string Error)> CreateTableAsync(IEnumerable<string> elementUnits, CancellationToken cancellationToken)
    {
        var script = _script.CreateTable(elementUnits);
        NftResult result;
        try
        {
            Interlocked.Increment(ref _batches);
            result = await _runner.RunAsync(FileFromStdin, script, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (false, ex.Message);
        }

        return result.Success ? (true, "") : (false, FirstLine(result.Error));
    }

    public void Start() => _worker = Task.Run(RunAsync);

    public void OnChange(in SetChange change)
    {
        var unit = _script.ForChange(change);
        if (unit is not null)
        {
            _queue.Writer.TryWrite(new Item(unit, null));
        }
    }

    /// <summary>Queues ready-made units (restored elements nft refused in one transaction).</summary>
    public void Enqueue(List<string> units)
    {
        foreach (var u in units)
        {
            _queue.Writer.TryWrite(new Item(u, null));
        }
    }

    /// <summary>Completes when everything queued before the call has been applied.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Item(null, done)))
        {
            done.TrySetResult();
        }

        return done.Task;
    }

    /// <summary>Applies what is queued, then stops the worker.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var units = new List<string>();
        var markers = new List<TaskCompletionSource>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (units.Count < MaxUnitsPerBatch && reader.TryRead(out var item))
            {
                if (item.Unit is not null)
                {
                    units.Add(item.Unit);
                }
                else
                {
                    markers.Add(item.Done!);
                }
            }

            if (units.Count > 0)
            {
                await ApplyAsync(units).ConfigureAwait(false);
                units.Clear();
            }

            foreach (var m in markers)
            {
                m.TrySetResult();
            }

            markers.Clear();
        }

        foreach (var m in markers)
        {
            m.TrySetResult();
        }
    }

    private async Task ApplyAsync(List<string> units)
    {
        var sb = new StringBuilder(units.Count * 96);
        foreach (var u in units)
        {
            sb.Append(u);
        }

        var result = await RunOnceAsync(sb.ToString()).ConfigureAwait(false);
        if (result.Success)
        {
            return;
        }

        if (units.Count == 1)
        {
            Report(units[0], result);
            return;
        }

        foreach (var u in units)
        {
            var single = await RunOnceAsync(u).ConfigureAwait(false);
            if (!single.Success)
            {
                Report(u, single);
            }
        }
    }

    private async Task<NftResult> RunOnceAsync(string script)
    {
        Interlocked.Increment(ref _batches);
        try
        {
            return await _runner.RunAsync(FileFromStdin, script, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return new NftResult(-1, "", ex.Message);
        }
    }

    private void Report(string unit, NftResult result)
    {
        Interlocked.Increment(ref _failures);
        AutoBanLog.NftCommandFailed(_logger, FirstLine(result.Error), FirstLine(unit));
    }

    private static string FirstLine(string text)
    {
        text = text.Trim();
        int nl = text.IndexOf('\n');
        return nl < 0 ? text : text[..nl];
    }

    private readonly record struct Item(string? Unit, TaskCompletionSource? Done);
}
