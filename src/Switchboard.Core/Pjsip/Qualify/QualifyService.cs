using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Common.Timing;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Sip;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Pjsip.Qualify;

/// <summary>
/// Qualify: every contact of an AOR with qualify_frequency &gt; 0 gets an OPTIONS every qualify_frequency seconds;
/// any final response other than 408 makes it Reachable (with the round-trip time), no answer within
/// qualify_timeout makes it Unreachable. Runs on the timing wheel; follows contacts through the event bus.
/// </summary>
public sealed partial class QualifyService : IClientTransactionUser, IDisposable
{
    private readonly SipStack _stack;
    private readonly PjsipRuntime _runtime;
    private readonly LocationService _location;
    private readonly TimingWheel _wheel;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, TimerHandle> _timers = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public QualifyService(SipStack stack, PjsipRuntime runtime, LocationService location, TimingWheel wheel, EventBus bus, ILogger log)
    {
        _stack = stack;
        _runtime = runtime;
        _location = location;
        _wheel = wheel;
        _log = log;
        _subscription = bus.Subscribe<ContactChanged>(OnContactChanged);
    }

    private void OnContactChanged(ContactChanged e)
    {
        switch (e.Change)
        {
            case ContactChange.Created:
                Schedule(e.Contact, TimeSpan.FromMilliseconds(200));
                break;
            case ContactChange.Removed or ContactChange.Expired:
                if (_timers.TryRemove(e.Contact.Id, out var t))
                {
                    t.Cancel();
                }

                break;
        }
    }

    /// <summary>Qualifies every current contact now (CLI "pjsip qualify", start-up after restore).</summary>
    public void QualifyAll()
    {
        foreach (var aor in _location.Aors)
        {
            foreach (var c in _location.GetContacts(aor))
            {
                Schedule(c, TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private void Schedule(ContactBinding contact, TimeSpan delay)
    {
        var aor = _runtime.Aor(contact.Aor);
        if (aor is null || aor.QualifyFrequency <= 0)
        {
            _location.SetStatus(contact, new ContactStatusInfo(ContactStatus.NonQualified, null));
            return;
        }

        var handle = _wheel.Schedule(delay, static s => { var (svc, id, aorName) = ((QualifyService, string, string))s!; svc.Fire(id, aorName); }, (this, contact.Id, contact.Aor));
        if (_timers.TryGetValue(contact.Id, out var old))
        {
            old.Cancel();
        }

        _timers[contact.Id] = handle;
    }

    private void Fire(string contactId, string aorName)
    {
        var contact = _location.GetContacts(aorName).FirstOrDefault(c => c.Id == contactId);
        var aor = _runtime.Aor(aorName);
        if (contact is null || aor is null || aor.QualifyFrequency <= 0)
        {
            _timers.TryRemove(contactId, out _);
            return;
        }

        _timers[contactId] = _wheel.Schedule(TimeSpan.FromSeconds(aor.QualifyFrequency), static s => { var (svc, id, a) = ((QualifyService, string, string))s!; svc.Fire(id, a); }, (this, contactId, aorName));
        var peer = PeerFor(contact);
        if (peer is null)
        {
            _location.SetStatus(contact, new ContactStatusInfo(ContactStatus.Unreachable, null));
            return;
        }

        var request = new OutgoingRequest
        {
            Method = SipMethod.Options,
            RequestUri = contact.Uri,
            FromUri = "sip:" + _runtime.Config.Global.DefaultFromUser + "@" + LocalAddressResolver.HostText(peer.Value.Remote.Address),
            ToUri = contact.Uri,
            ContactUser = _runtime.Config.Global.DefaultFromUser,
        };
        var probe = new Probe(contact, _wheel.TimeProvider.GetTimestamp(), aor.QualifyTimeout);
        try
        {
            var tx = _stack.SendRequest(request, peer.Value, this, probe);
            if (tx is null)
            {
                _location.SetStatus(contact, new ContactStatusInfo(ContactStatus.Unreachable, null));
                return;
            }

            probe.Timeout = _wheel.Schedule(TimeSpan.FromSeconds(aor.QualifyTimeout), static s => ((Probe)s!).TimedOut(), probe);
            probe.Owner = this;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            LogQualifyFailed(contact.Uri, ex.Message);
        }
    }

    /// <summary>Where to send to a contact: its source (NAT-safe; connection reuse on TCP/TLS) unless the URI is an IP literal on UDP.</summary>
    internal static SipPeer? PeerFor(ContactBinding contact)
    {
        var protocol = contact.Protocol switch
        {
            "TCP" => SipTransportProtocol.Tcp,
            "TLS" => SipTransportProtocol.Tls,
            "WS" => SipTransportProtocol.Ws,
            "WSS" => SipTransportProtocol.Wss,
            _ => SipTransportProtocol.Udp,
        };
        var target = contact.Source;
        if (protocol == SipTransportProtocol.Udp && SipUri.TryParse(Encoding.UTF8.GetBytes(contact.Uri), out var uri)
            && IPAddress.TryParse(Encoding.ASCII.GetString(uri.Host.Span).Trim('[', ']'), out var ip))
        {
            target = new IPEndPoint(ip, uri.Port > 0 ? uri.Port : 5060);
        }

        return new SipPeer(protocol, target, contact.TransportName);
    }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode < 200 || transaction.UserState is not Probe probe || !probe.Complete())
        {
            return;
        }

        var rtt = _wheel.TimeProvider.GetElapsedTime(probe.Started);
        var status = response.StatusCode == 408 ? new ContactStatusInfo(ContactStatus.Unreachable, null) : new ContactStatusInfo(ContactStatus.Reachable, rtt);
        _location.SetStatus(probe.Contact, status);
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
        if (transaction.UserState is Probe probe && probe.Complete())
        {
            _location.SetStatus(probe.Contact, new ContactStatusInfo(ContactStatus.Unreachable, null));
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        foreach (var t in _timers.Values)
        {
            t.Cancel();
        }
    }

    private sealed class Probe(ContactBinding contact, long started, double timeoutSeconds)
    {
        private int _done;

        public ContactBinding Contact { get; } = contact;

        public long Started { get; } = started;

        public double TimeoutSeconds { get; } = timeoutSeconds;

        public TimerHandle Timeout { get; set; }

        public QualifyService? Owner { get; set; }

        public bool Complete()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
            {
                return false;
            }

            Timeout.Cancel();
            return true;
        }

        public void TimedOut()
        {
            if (Complete())
            {
                Owner?._location.SetStatus(Contact, new ContactStatusInfo(ContactStatus.Unreachable, null));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not qualify {Uri}: {Reason}")]
    private partial void LogQualifyFailed(string uri, string reason);
}
