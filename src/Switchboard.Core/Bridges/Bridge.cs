using Switchboard.Core.Channels;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;

namespace Switchboard.Core.Bridges;

/// <summary>
/// A two-party bridge (Asterisk's simple_bridge): links the channels to each other and relays media between their
/// RTP legs packet by packet. With direct media (no RTP legs) only the channels are linked.
/// </summary>
public sealed class Bridge : IDisposable
{
    /// <summary>Transcoding paths for legs whose codecs differ (µ-law ↔ A-law by table, others through PCM).</summary>
    private static readonly TranscodingPathBuilder Transcoding = new(CodecRegistry.Shared);

    private RtpRelay? _relay;
    private bool _started;

    public Bridge(string id, Channel a, Channel b)
    {
        Id = id;
        A = a;
        B = b;
    }

    public string Id { get; }

    public Channel A { get; }

    public Channel B { get; }

    public RtpRelay? Relay => _relay;

    /// <summary>Links the channels and starts relaying media when both have an RTP leg with negotiated media.</summary>
    public void Start()
    {
        A.BridgedTo = B;
        B.BridgedTo = A;
        A.BridgeId = Id;
        B.BridgeId = Id;
        _started = true;
        A.Registry?.NotifyBridge(this, A, entered: true);
        B.Registry?.NotifyBridge(this, B, entered: true);
        RefreshMedia();
    }

    /// <summary>(Re)builds the relay after either leg's media changed (answer, re-INVITE).</summary>
    public void RefreshMedia()
    {
        if (A.Rtp is not { Media: not null } a || B.Rtp is not { Media: not null } b)
        {
            return;
        }

        if (_relay is null)
        {
            _relay = new RtpRelay(a, b, Transcoding);
            _relay.Start();
        }
        else
        {
            _relay.Refresh();
        }
    }

    public void Dispose()
    {
        _relay?.Dispose();
        _relay = null;
        if (_started)
        {
            _started = false;
            A.Registry?.NotifyBridge(this, A, entered: false);
            B.Registry?.NotifyBridge(this, B, entered: false);
        }

        if (ReferenceEquals(A.BridgedTo, B))
        {
            A.BridgedTo = null;
            A.BridgeId = null;
        }

        if (ReferenceEquals(B.BridgedTo, A))
        {
            B.BridgedTo = null;
            B.BridgeId = null;
        }
    }
}
