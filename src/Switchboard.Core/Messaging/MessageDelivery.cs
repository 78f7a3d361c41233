using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Pjsip.Qualify;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Variables;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Messaging;

/// <summary>
/// MessageSend's work: resolves the destination, sends a MESSAGE to each target and, for a whole endpoint that
/// no contact accepted, stores the message until the endpoint registers (when a store is configured).
/// </summary>
internal sealed class MessageDelivery(PjsipRuntime runtime, LocationService location, SipMessageSender sender, MessageStore? store, GlobalVariables globals, TimeProvider time, ILogger log)
{
    /// <summary>Default time a stored message waits for its endpoint (global or endpoint set_var MESSAGE_EXPIRY overrides, seconds; 0 = do not store).</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(7);

    public async Task<MessageSendStatus> SendAsync(TextMessage message, string to, string from)
    {
        var status = MessageDestination.TryParse(to, n => runtime.Endpoint(n) is not null, out var destination);
        if (status != MessageSendStatus.Success)
        {
            MessagingLog.InvalidDestination(log, to, MessageSendStatuses.ToText(status));
            return status;
        }

        switch (destination.Kind)
        {
            case MessageDestinationKind.Endpoint:
                return await ToEndpointAsync(message, runtime.Endpoint(destination.Endpoint)!, from).ConfigureAwait(false);
            case MessageDestinationKind.Contact:
            {
                var endpoint = runtime.Endpoint(destination.Endpoint)!;
                var peer = PeerForContact(endpoint, destination.Uri!) ?? await SipTargetResolver.ResolveAsync(destination.Uri!, TransportOf(endpoint)).ConfigureAwait(false);
                return peer is null ? MessageSendStatus.InvalidUri : Result(await SendOneAsync(message, endpoint, destination.Uri!, peer.Value, from).ConfigureAwait(false), destination.Uri!);
            }

            case MessageDestinationKind.Number:
            {
                var endpoint = runtime.Endpoint(destination.Endpoint)!;
                var targets = await TargetsAsync(endpoint, destination.Number).ConfigureAwait(false);
                if (targets.Count == 0)
                {
                    MessagingLog.NoContacts(log, endpoint.Name);
                    return MessageSendStatus.Failure;
                }

                return await SendAllAsync(message, endpoint, targets, from).ConfigureAwait(false) ? MessageSendStatus.Success : MessageSendStatus.Failure;
            }

            default:
            {
                var peer = await SipTargetResolver.ResolveAsync(destination.Uri!).ConfigureAwait(false);
                return peer is null ? MessageSendStatus.InvalidUri : Result(await SendOneAsync(message, null, destination.Uri!, peer.Value, from).ConfigureAwait(false), destination.Uri!);
            }
        }
    }

    /// <summary>Tries to deliver the stored messages of <paramref name="endpointName"/>; returns how many went out.</summary>
    public async Task<int> DeliverQueuedAsync(string endpointName)
    {
        if (store is null || runtime.Endpoint(endpointName) is not { } endpoint)
        {
            return 0;
        }

        int delivered = 0;
        var now = time.GetUtcNow();
        foreach (var stored in store.Queued(endpointName))
        {
            if (stored.ExpiresAt <= now)
            {
                continue;
            }

            var targets = await TargetsAsync(endpoint, null).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                break;
            }

            var message = new TextMessage { To = stored.To, From = stored.From, Body = stored.Body, ContentType = stored.ContentType };
            if (await SendAllAsync(message, endpoint, targets, stored.From).ConfigureAwait(false))
            {
                store.Dequeue(stored.Id);
                delivered++;
                MessagingLog.QueuedDelivered(log, stored.Id, endpointName, stored.From, targets.Count);
            }
            else
            {
                store.CountAttempt(stored.Id);
                MessagingLog.QueuedStillUndeliverable(log, stored.Id, endpointName);
            }
        }

        return delivered;
    }

    /// <summary>
    /// Called with the endpoint name when a message was stored although a contact appeared while it was being
    /// tried (the registration's own delivery run found nothing stored yet); store-and-forward delivers it now.
    /// </summary>
    public Action<string>? StoredWhileRegistering { get; set; }

    private async Task<MessageSendStatus> ToEndpointAsync(TextMessage message, PjsipEndpoint endpoint, string from)
    {
        var targets = await TargetsAsync(endpoint, null).ConfigureAwait(false);
        if (targets.Count > 0 && await SendAllAsync(message, endpoint, targets, from).ConfigureAwait(false))
        {
            return MessageSendStatus.Success;
        }

        var expiry = ExpiryFor(endpoint);
        if (store is null || expiry <= TimeSpan.Zero)
        {
            MessagingLog.NotDelivered(log, endpoint.Name, from);
            return MessageSendStatus.Failure;
        }

        var now = time.GetUtcNow();
        var id = store.Enqueue(endpoint.Name, from, message.To, message.Body, message.ContentType, now, now + expiry);
        MessagingLog.Queued(log, id, endpoint.Name, from, (now + expiry).ToString("u", CultureInfo.InvariantCulture));

        // A device that registered after the contacts were read and before the message was stored started its
        // delivery run too early to see it: look again now that it is stored, so it does not wait for the next
        // registration (every registration after this point finds it in the store by itself).
        if (HasNewTarget(targets, await TargetsAsync(endpoint, null).ConfigureAwait(false)))
        {
            StoredWhileRegistering?.Invoke(endpoint.Name);
        }

        return MessageSendStatus.Success;
    }

    private static bool HasNewTarget(List<(string Uri, SipPeer Peer)> tried, List<(string Uri, SipPeer Peer)> now)
    {
        foreach (var (uri, peer) in now)
        {
            bool seen = false;
            foreach (var (triedUri, triedPeer) in tried)
            {
                seen |= string.Equals(uri, triedUri, StringComparison.OrdinalIgnoreCase) && peer.Equals(triedPeer);
            }

            if (!seen)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> SendAllAsync(TextMessage message, PjsipEndpoint endpoint, List<(string Uri, SipPeer Peer)> targets, string from)
    {
        var sends = new Task<int>[targets.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            sends[i] = SendOneAsync(message, endpoint, targets[i].Uri, targets[i].Peer, from);
        }

        var codes = await Task.WhenAll(sends).ConfigureAwait(false);
        bool any = false;
        for (int i = 0; i < codes.Length; i++)
        {
            Result(codes[i], targets[i].Uri);
            any |= codes[i] is >= 200 and < 300;
        }

        return any;
    }

    private Task<int> SendOneAsync(TextMessage message, PjsipEndpoint? endpoint, string uri, SipPeer peer, string from)
        => sender.SendAsync(message, uri, peer, from, endpoint?.FromDomain, OutboundDigest.CredentialsFor(runtime, endpoint));

    private MessageSendStatus Result(int code, string uri)
    {
        if (code is >= 200 and < 300)
        {
            MessagingLog.Sent(log, uri, code);
            return MessageSendStatus.Success;
        }

        MessagingLog.SendFailed(log, uri, code);
        return MessageSendStatus.Failure;
    }

    private async Task<List<(string Uri, SipPeer Peer)>> TargetsAsync(PjsipEndpoint endpoint, string? number)
    {
        var targets = new List<(string, SipPeer)>();
        foreach (var aorName in endpoint.Aors)
        {
            foreach (var contact in location.GetContacts(aorName))
            {
                if (location.GetStatus(contact.Id).Status != ContactStatus.Unreachable && QualifyService.PeerFor(contact) is { } peer)
                {
                    targets.Add((DialTargetResolver.WithUser(contact.Uri, number), peer));
                }
            }

            if (runtime.Aor(aorName) is { } aor)
            {
                foreach (var uri in aor.Contacts)
                {
                    var requestUri = DialTargetResolver.WithUser(uri, number);
                    if (await SipTargetResolver.ResolveAsync(requestUri, TransportOf(endpoint)).ConfigureAwait(false) is { } p)
                    {
                        targets.Add((requestUri, p));
                    }
                }
            }
        }

        return targets;
    }

    private SipPeer? PeerForContact(PjsipEndpoint endpoint, string uri)
    {
        foreach (var aorName in endpoint.Aors)
        {
            foreach (var contact in location.GetContacts(aorName))
            {
                if (string.Equals(contact.Uri, uri, StringComparison.OrdinalIgnoreCase) || string.Equals(contact.RegisteredUri, uri, StringComparison.OrdinalIgnoreCase))
                {
                    return QualifyService.PeerFor(contact);
                }
            }
        }

        return null;
    }

    private static string? TransportOf(PjsipEndpoint endpoint) => endpoint.Transport.Length > 0 ? endpoint.Transport : null;

    private TimeSpan ExpiryFor(PjsipEndpoint endpoint)
    {
        foreach (var v in endpoint.SetVars)
        {
            if (v.Name.Equals("MESSAGE_EXPIRY", StringComparison.OrdinalIgnoreCase) && TryParseSeconds(v.Value, out var e))
            {
                return e;
            }
        }

        return globals.TryGet("MESSAGE_EXPIRY", out var g) && TryParseSeconds(g, out var ge) ? ge : DefaultExpiry;
    }

    internal static bool TryParseSeconds(string text, out TimeSpan value)
    {
        value = default;
        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
