using Microsoft.Extensions.Logging;
using Switchboard.Common.Threading;
using Switchboard.Core.Channels;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>What every part of the PJSIP channel driver shares: stack, configuration, location, dialplan, channels, media, dialogs and the call serializer.</summary>
internal sealed class CallEnvironment
{
    public required SipStack Stack { get; init; }

    public required PjsipRuntime Runtime { get; init; }

    public required LocationService Location { get; init; }

    public required DialplanEngine Dialplan { get; init; }

    public required ChannelRegistry Channels { get; init; }

    public required CallMedia Media { get; init; }

    public required KeyedSerializer<string> Serializer { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Log { get; init; }

    /// <summary>Prompts, music on hold and rtp_timeout; null plays nothing (channels report files as not found).</summary>
    public ChannelMediaOptions? MediaOptions { get; init; }

    public CallDialogs Dialogs { get; } = new();

    /// <summary>Inbound channels by Call-ID (CANCEL lookup).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, PjsipInboundChannel> Calls { get; } = new(StringComparer.Ordinal);

    private int _bridges;

    public string NextBridgeId() => Guid.NewGuid().ToString("D");

    public int NextBridgeNumber() => Interlocked.Increment(ref _bridges);

    /// <summary>Runs <paramref name="action"/> on the call's key and completes when it has run.</summary>
    public Task RunOnKeyAsync(string key, Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Serializer.Post(key, static s =>
        {
            var (a, tcs) = s;
            try
            {
                a();
                tcs.TrySetResult();
            }
            catch (Exception e)
            {
                tcs.TrySetException(e);
            }
        }, (action, done));
        return done.Task;
    }
}
