using Switchboard.Core.Pjsip.Calls;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Hints;

/// <summary>One watcher of a hint (a phone's BLF key): its SUBSCRIBE dialog, the event package, expiry and what it was last told.</summary>
internal sealed class HintSubscription(string key, Dialog dialog, SipPeer peer, LegAddress address, string endpoint, string exten, string context, HintEventPackage package)
{
    public string Key { get; } = key;

    public Dialog Dialog { get; } = dialog;

    public SipPeer Peer { get; } = peer;

    public LegAddress Address { get; } = address;

    public string Endpoint { get; } = endpoint;

    public string Exten { get; } = exten;

    public string Context { get; } = context;

    public HintEventPackage Package { get; } = package;

    /// <summary>The mailboxes watched by a message-summary subscription (empty for hints).</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];

    /// <summary>The Message-Account URI of a message-summary subscription (null: the header is left out).</summary>
    public string? MessageAccount { get; init; }

    /// <summary>When the subscription ends unless refreshed (TimeProvider timestamp).</summary>
    public long ExpiresAt { get; set; }

    /// <summary>The aggregated device state last notified (null before the first NOTIFY).</summary>
    public string? LastState { get; set; }

    /// <summary>dialog-info version, one more with every NOTIFY.</summary>
    public int Version { get; set; }
}
