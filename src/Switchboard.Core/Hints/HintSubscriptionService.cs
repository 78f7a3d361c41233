using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Core.Pjsip.Identification;
using Switchboard.Core.Sip;
using Switchboard.Core.Voicemail;
using Switchboard.Dialplan.Model;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Hints;

/// <summary>
/// BLF: SUBSCRIBE (Event: dialog or presence) to an extension with a hint, identified and authenticated like other
/// requests; 200 with Expires, then a NOTIFY with the hint's state at once and on every change (channels of the
/// hint's devices, contacts registering or leaving); refresh and unsubscribe (Expires: 0) inside the dialog; a
/// final NOTIFY terminated when the subscription expires. A 481 to a NOTIFY drops the subscription.
/// Event: message-summary (MWI) subscribes to mailboxes instead: those of the AOR named in the Request-URI
/// (aor/mailboxes; an AOR is also found by its voicemail_extension), else the subscriber's endpoint/mailboxes; the NOTIFY
/// carries their counts (<see cref="MessageWaiting"/>) and, when that AOR has a voicemail_extension (or [global]
/// default_voicemail_extension is set), a Message-Account made of the Request-URI with that extension as its user.
/// </summary>
internal sealed partial class HintSubscriptionService : ISipRequestHandler, IChannelObserver, IClientTransactionUser, IDisposable
{
    private const int DefaultExpires = 3600;
    private const int MinExpires = 60;
    private readonly CallEnvironment _env;
    private readonly EndpointIdentifier _identifier;
    private readonly InboundAuthenticator _authenticator;
    private readonly Dictionary<string, HintSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private MessageWaitingState? _messageWaiting;

    public HintSubscriptionService(CallEnvironment env, EndpointIdentifier identifier, InboundAuthenticator authenticator)
    {
        _env = env;
        _identifier = identifier;
        _authenticator = authenticator;
        _timer = env.Time.CreateTimer(static s => ((HintSubscriptionService)s!).Tick(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The mailbox counts message-summary subscriptions report; null answers those SUBSCRIBEs with 489.</summary>
    public MessageWaitingState? MessageWaiting
    {
        get => Volatile.Read(ref _messageWaiting);
        set
        {
            Volatile.Write(ref _messageWaiting, value);
            value?.AddListener((_, _) => Changed());
        }
    }

    /// <summary>Watchers of exten@context (core show hints).</summary>
    public int Watchers(string exten, string context)
    {
        lock (_gate)
        {
            int n = 0;
            foreach (var s in _subscriptions.Values)
            {
                if (s.Package != HintEventPackage.MessageSummary && s.Exten.Equals(exten, StringComparison.OrdinalIgnoreCase) && s.Context.Equals(context, StringComparison.OrdinalIgnoreCase))
                {
                    n++;
                }
            }

            return n;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public void Handle(SipRequestContext context)
    {
        var request = context.Request;
        if (!TryReadPackage(request, out var package) || (package == HintEventPackage.MessageSummary && MessageWaiting is null))
        {
            SipResponder.Send(_env.Stack, context, 489, "Bad Event", w => w.WriteHeader("Allow-Events", MessageWaiting is null ? "dialog, presence" : "dialog, presence, message-summary"));
            return;
        }

        int expires = request.TryGetExpires(out var e) ? e : DefaultExpires;
        if (request.TryGetTo(out var to) && !to.Tag.IsEmpty)
        {
            Refresh(context, to.Tag.Span, expires);
            return;
        }

        var identity = _identifier.Identify(request, context.Source.Address);
        if (!_authenticator.Authenticate(context, identity))
        {
            return;
        }

        var endpoint = identity.Endpoint!;
        if (!endpoint.AllowSubscribe)
        {
            SipResponder.Send(_env.Stack, context, 403, "Forbidden");
            return;
        }

        if (expires != 0 && expires < MinExpires)
        {
            SipResponder.Send(_env.Stack, context, 423, "Interval Too Brief", w => w.WriteHeader("Min-Expires", MinExpires.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        bool parsed = SipUri.TryParse(request.RequestUri, out var uri);
        var exten = parsed && !uri.User.IsEmpty ? Encoding.UTF8.GetString(uri.User.Span) : string.Empty;
        var hintContext = endpoint.EffectiveSubscribeContext;
        var mwiAor = package == HintEventPackage.MessageSummary ? MwiAorFor(exten, endpoint) : null;
        IReadOnlyList<string> mailboxes = package == HintEventPackage.MessageSummary ? (mwiAor is { Mailboxes.Count: > 0 } ? mwiAor.Mailboxes : endpoint.Mailboxes) : [];
        var account = mwiAor is not null && parsed ? MessageSummary.AccountUri(mwiAor.VoicemailExtension, _env.Runtime.Config.Global.DefaultVoicemailExtension, HostPort(uri)) : null;
        if (package == HintEventPackage.MessageSummary ? mailboxes.Count == 0
            : exten.Length == 0 || _env.Dialplan.Current.FindHint(hintContext, exten, _env.Time) is null)
        {
            SipResponder.Send(_env.Stack, context, 404, "Not Found");
            return;
        }

        var address = LegAddress.For(_env.Stack, context.Peer);
        if (address is null)
        {
            SipResponder.Send(_env.Stack, context, 503, "Service Unavailable");
            return;
        }

        var tag = DialogTag.NewBytes();
        var dialog = Dialog.CreateUas(request, tag, context.Peer.IsSecure, confirmed: true);
        var key = Key(request.CallId.Span, tag);
        var sub = new HintSubscription(key, dialog, context.Peer, address, endpoint.Name, exten, hintContext, package) { Mailboxes = mailboxes, MessageAccount = account };
        expires = Math.Min(expires, DefaultExpires);
        SipResponder.Send(_env.Stack, context, 200, "OK", w =>
        {
            w.WriteHeader("Contact", address.Contact(exten));
            w.WriteHeader("Expires", expires.ToString(CultureInfo.InvariantCulture));
        }, tag);
        LogSubscribed(_env.Log, endpoint.Name, exten, hintContext, package.ToString(), expires);
        lock (_gate)
        {
            if (expires == 0)
            {
                Notify(sub, State(sub), terminated: true);
                return;
            }

            sub.ExpiresAt = _env.Time.GetTimestamp() + (long)(expires * (double)_env.Time.TimestampFrequency);
            _subscriptions[key] = sub;
            Notify(sub, State(sub), terminated: false);
        }
    }

    private void Refresh(SipRequestContext context, ReadOnlySpan<byte> localTag, int expires)
    {
        var key = Key(context.Request.CallId.Span, localTag);
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(key, out var sub) || !sub.Dialog.TryAcceptRequest(context.Request))
            {
                SipResponder.Send(_env.Stack, context, 481, "Call/Transaction Does Not Exist");
                return;
            }

            expires = Math.Min(expires, DefaultExpires);
            SipResponder.Send(_env.Stack, context, 200, "OK", w =>
            {
                w.WriteHeader("Contact", sub.Address.Contact(sub.Exten));
                w.WriteHeader("Expires", expires.ToString(CultureInfo.InvariantCulture));
            }, localTag);
            if (expires == 0)
            {
                _subscriptions.Remove(key);
                Notify(sub, State(sub), terminated: true);
                LogUnsubscribed(_env.Log, sub.Endpoint, sub.Exten);
                return;
            }

            sub.ExpiresAt = _env.Time.GetTimestamp() + (long)(expires * (double)_env.Time.TimestampFrequency);
            Notify(sub, State(sub), terminated: false);
        }
    }

    /// <summary>Re-evaluates every subscription: NOTIFY the ones whose state changed, end the expired ones.</summary>
    internal void Tick()
    {
        var now = _env.Time.GetTimestamp();
        lock (_gate)
        {
            List<string>? expired = null;
            foreach (var sub in _subscriptions.Values)
            {
                if (now >= sub.ExpiresAt)
                {
                    (expired ??= []).Add(sub.Key);
                    Notify(sub, State(sub), terminated: true);
                    continue;
                }

                var state = State(sub);
                if (!string.Equals(state, sub.LastState, StringComparison.Ordinal))
                {
                    Notify(sub, state, terminated: false);
                }
            }

            foreach (var k in expired ?? [])
            {
                _subscriptions.Remove(k);
            }
        }
    }

    /// <summary>
    /// message-summary: the AOR the Request-URI user names — an AOR of that name, else one of the subscriber's AORs
    /// whose voicemail_extension it is (res_pjsip_mwi's find_aor_for_resource). Its mailboxes are watched (else the
    /// subscriber's own endpoint/mailboxes) and its voicemail_extension makes the Message-Account.
    /// </summary>
    private Switchboard.Config.Pjsip.PjsipAor? MwiAorFor(string user, Switchboard.Config.Pjsip.PjsipEndpoint endpoint)
    {
        if (user.Length == 0)
        {
            return null;
        }

        if (_env.Runtime.Aor(user) is { } direct)
        {
            return direct;
        }

        foreach (var name in endpoint.Aors)
        {
            if (_env.Runtime.Aor(name) is { VoicemailExtension.Length: > 0 } aor && aor.VoicemailExtension.Equals(user, StringComparison.OrdinalIgnoreCase))
            {
                return aor;
            }
        }

        return null;
    }

    private static string HostPort(in SipUri uri)
    {
        var host = Encoding.UTF8.GetString(uri.Host.Span);
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        return uri.Port > 0 ? host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture) : host;
    }

    /// <summary>The counts of a message-summary subscription's mailboxes, summed.</summary>
    private MwiCounts Counts(HintSubscription sub)
    {
        var state = MessageWaiting;
        int urgent = 0, fresh = 0, old = 0;
        foreach (var m in sub.Mailboxes)
        {
            var c = state?.Get(m) ?? default;
            (urgent, fresh, old) = (urgent + c.Urgent, fresh + c.New, old + c.Old);
        }

        return new MwiCounts(urgent, fresh, old);
    }

    private string State(HintSubscription sub)
    {
        if (sub.Package == HintEventPackage.MessageSummary)
        {
            var c = Counts(sub);
            return string.Create(CultureInfo.InvariantCulture, $"{c.Urgent}/{c.New}/{c.Old}");
        }

        var devices = _env.Dialplan.Current.FindHint(sub.Context, sub.Exten, _env.Time);
        if (devices is null)
        {
            return DeviceStates.Invalid;
        }

        var provider = _env.Dialplan.DeviceStates;
        var states = new List<string>();
        foreach (var d in devices.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            states.Add(provider?.GetDeviceState(d) ?? DeviceStates.Unknown);
        }

        return DeviceStates.Aggregate(states);
    }

    private void Notify(HintSubscription sub, string state, bool terminated)
    {
        sub.LastState = state;
        sub.Version++;
        var remaining = Math.Max(0, (int)((sub.ExpiresAt - _env.Time.GetTimestamp()) / (double)_env.Time.TimestampFrequency));
        var body = sub.Package switch
        {
            HintEventPackage.Dialog => HintBodies.DialogInfo(sub.Exten, sub.Address.Host, state, sub.Version - 1),
            HintEventPackage.Presence => HintBodies.Pidf(sub.Exten, sub.Address.Host, state),
            _ => MessageSummary.Body(sub.MessageAccount, Counts(sub)),
        };
        using var buf = new PooledBufferWriter();
        var w = sub.Dialog.WriteRequest(buf, SipMethod.Notify, sub.Peer.ViaTransport, sub.Address.SentBy);
        w.WriteHeader("Event", sub.Package switch { HintEventPackage.Dialog => "dialog", HintEventPackage.Presence => "presence", _ => MessageSummary.EventPackage });
        w.WriteHeader("Subscription-State", terminated ? "terminated;reason=timeout" : "active;expires=" + remaining.ToString(CultureInfo.InvariantCulture));
        w.WriteHeader("Contact", sub.Address.Contact(sub.Exten));
        w.WriteHeader("User-Agent", _env.Stack.UserAgent);
        var type = sub.Package switch { HintEventPackage.Dialog => HintBodies.DialogInfoType, HintEventPackage.Presence => HintBodies.PidfType, _ => MessageSummary.ContentType };
        w.WriteBody(Encoding.ASCII.GetBytes(type), Encoding.UTF8.GetBytes(body));
        _env.Stack.Transactions.SendRequest(buf.WrittenSpan, sub.Peer, this, sub.Key);
        LogNotify(_env.Log, sub.Endpoint, sub.Exten, state, terminated ? "terminated" : "active");
    }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode is 481 or 404 or 489 && transaction.UserState is string key)
        {
            lock (_gate)
            {
                _subscriptions.Remove(key);
            }
        }
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
        if (failure == TransactionFailure.Timeout && transaction.UserState is string key)
        {
            lock (_gate)
            {
                _subscriptions.Remove(key);
            }
        }
    }

    public void OnNewChannel(Channel channel) => Changed();

    public void OnStateChanged(Channel channel) => Changed();

    public void OnHangup(Channel channel) => Changed();

    public void OnDialBegin(Channel caller, Channel callee, string dialString)
    {
    }

    public void OnDialEnd(Channel caller, Channel callee, string dialStatus)
    {
    }

    public void OnBridgeEnter(Bridge bridge, Channel channel)
    {
    }

    public void OnBridgeLeave(Bridge bridge, Channel channel)
    {
    }

    /// <summary>A channel changed: re-evaluate off the call's thread (device states read the channel registry).</summary>
    private void Changed()
    {
        lock (_gate)
        {
            if (_subscriptions.Count == 0)
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Tick(), this, preferLocal: false);
    }

    private static bool TryReadPackage(SipMessage request, out HintEventPackage package)
    {
        package = HintEventPackage.Dialog;
        if (!request.TryGetHeader("Event"u8, out var value) && !request.TryGetHeader("o"u8, out value))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(value.Span);
        int semi = text.IndexOf(';', StringComparison.Ordinal);
        var name = (semi < 0 ? text : text[..semi]).Trim();
        if (name.Equals("dialog", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Equals("presence", StringComparison.OrdinalIgnoreCase))
        {
            package = HintEventPackage.Presence;
            return true;
        }

        if (name.Equals(MessageSummary.EventPackage, StringComparison.OrdinalIgnoreCase))
        {
            package = HintEventPackage.MessageSummary;
            return true;
        }

        return false;
    }

    private static string Key(ReadOnlySpan<byte> callId, ReadOnlySpan<byte> localTag)
        => Encoding.UTF8.GetString(callId) + "|" + Encoding.UTF8.GetString(localTag);

    public void Dispose() => _timer.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription from {Endpoint} to {Exten}@{Context} ({Package}) for {Expires} s")]
    private static partial void LogSubscribed(ILogger log, string endpoint, string exten, string context, string package, int expires);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription from {Endpoint} to {Exten} ended by the subscriber")]
    private static partial void LogUnsubscribed(ILogger log, string endpoint, string exten);

    [LoggerMessage(Level = LogLevel.Debug, Message = "NOTIFY {Endpoint} {Exten}: {State} ({Subscription})")]
    private static partial void LogNotify(ILogger log, string endpoint, string exten, string state, string subscription);
}
