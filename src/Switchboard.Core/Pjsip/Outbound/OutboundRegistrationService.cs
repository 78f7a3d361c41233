using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Common.Timing;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Sip;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Pjsip.Outbound;

/// <summary>
/// Outbound registration (res_pjsip_outbound_registration): REGISTERs each registration object's client_uri at its
/// server_uri, answers 401/407 with the outbound_auth credentials, refreshes before expiry, retries after
/// retry_interval (forbidden_retry_interval on 403, stops after max_retries), and unregisters on stop.
/// </summary>
public sealed partial class OutboundRegistrationService : IClientTransactionUser, IDisposable
{
    private readonly SipStack _stack;
    private readonly PjsipRuntime _runtime;
    private readonly TimingWheel _wheel;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, OutboundRegistration> _registrations = new(StringComparer.Ordinal);

    public OutboundRegistrationService(SipStack stack, PjsipRuntime runtime, TimingWheel wheel, ILogger log)
    {
        _stack = stack;
        _runtime = runtime;
        _wheel = wheel;
        _log = log;
    }

    public string? StatusOf(string name) => _registrations.TryGetValue(name, out var r) ? r.Status : null;

    /// <summary>Starts (or, after a reload, reconciles) every registration object.</summary>
    public void Start()
    {
        var config = _runtime.Config;
        foreach (var reg in config.Registrations)
        {
            var state = _registrations.GetOrAdd(reg.Name, _ => new OutboundRegistration(reg));
            state.Config = reg;
            if (state.Status is "Unregistered")
            {
                ScheduleSend(state, TimeSpan.FromMilliseconds(100));
            }
        }

        foreach (var name in _registrations.Keys.Where(n => !config.Registrations.Contains(n)).ToList())
        {
            if (_registrations.TryRemove(name, out var gone))
            {
                gone.Stopped = true;
                gone.Timer.Cancel();
            }
        }
    }

    private void ScheduleSend(OutboundRegistration state, TimeSpan delay)
    {
        state.Timer.Cancel();
        state.Timer = _wheel.Schedule(delay, static s => { var (svc, st) = ((OutboundRegistrationService, OutboundRegistration))s!; _ = svc.SendAsync(st, null); }, (this, state));
    }

    private async Task SendAsync(OutboundRegistration state, DigestChallenge? challenge, bool proxy = false, int expires = -1)
    {
        if (state.Stopped)
        {
            return;
        }

        var reg = state.Config;
        state.Peer ??= await SipTargetResolver.ResolveAsync(reg.OutboundProxy.Length > 0 ? reg.OutboundProxy : reg.ServerUri, reg.Transport.Length > 0 ? reg.Transport : null).ConfigureAwait(false);
        if (state.Peer is null)
        {
            state.Status = "Rejected";
            LogUnresolvable(reg.Name, reg.ServerUri);
            Retry(state, reg.RetryInterval);
            return;
        }

        state.CSeq++;
        var request = new OutgoingRequest
        {
            Method = SipMethod.Register,
            RequestUri = reg.ServerUri,
            FromUri = reg.ClientUri,
            FromTag = state.FromTag,
            ToUri = reg.ClientUri,
            CallId = state.CallId,
            CSeq = state.CSeq,
            ContactUser = reg.ContactUser.Length > 0 ? reg.ContactUser : ClientUser(reg.ClientUri),
        };
        request.Headers.Add(new("Expires", (expires >= 0 ? expires : reg.Expiration).ToString(CultureInfo.InvariantCulture)));
        if (challenge is { } ch && FindAuth(reg) is { } auth)
        {
            using var buf = new PooledBufferWriter();
            var w = new SipMessageWriter(buf);
            Span<byte> cnonce = stackalloc byte[DigestClient.CnonceLength];
            int n = DigestClient.WriteCnonce(cnonce);
            if (DigestClient.TryWriteAuthorization(w, ch, proxy, Encoding.UTF8.GetBytes(auth.Username), Encoding.UTF8.GetBytes(auth.Password), "REGISTER"u8, Encoding.UTF8.GetBytes(reg.ServerUri), 1, cnonce[..n]))
            {
                request.RawHeaderLines = buf.WrittenSpan.ToArray();
            }
        }

        try
        {
            if (_stack.SendRequest(request, state.Peer.Value, this, state) is null)
            {
                state.Status = "Rejected";
                Retry(state, reg.RetryInterval);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            LogSendFailed(reg.Name, ex.Message);
            Retry(state, reg.RetryInterval);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (transaction.UserState is not OutboundRegistration state || response.StatusCode < 200)
        {
            return;
        }

        var reg = state.Config;
        int status = response.StatusCode;
        if (status is >= 200 and < 300)
        {
            state.AuthAttempts = 0;
            state.Retries = 0;
            int granted = GrantedExpires(response, reg.Expiration);
            state.Status = "Registered";
            LogRegistered(reg.Name, reg.ServerUri, granted);
            ScheduleSend(state, TimeSpan.FromSeconds(Math.Max(5, granted > 60 ? granted - 30 : granted / 2)));
            return;
        }

        if (status is 401 or 407 && state.AuthAttempts < 2)
        {
            var header = status == 401 ? SipHeaderId.WwwAuthenticate : SipHeaderId.ProxyAuthenticate;
            if (response.TryGetHeader(header, out var value) && DigestChallenge.TryParse(value, out var challenge))
            {
                state.AuthAttempts++;
                var detached = DigestChallengeCopy(challenge);
                _ = SendAsync(state, detached, status == 407);
                return;
            }
        }

        state.AuthAttempts = 0;
        state.Status = "Rejected";
        LogRejected(reg.Name, reg.ServerUri, status);
        if (status == 403 && reg.ForbiddenRetryInterval <= 0 && reg.AuthRejectionPermanent)
        {
            return;
        }

        if (status == 423 && response.TryGetNumber(SipHeaderId.MinExpires, int.MaxValue, out int min))
        {
            _ = SendAsync(state, null, expires: min);
            return;
        }

        Retry(state, status == 403 ? reg.ForbiddenRetryInterval : reg.RetryInterval);
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
        if (transaction.UserState is OutboundRegistration state)
        {
            state.Status = "Rejected";
            LogTimeout(state.Config.Name, state.Config.ServerUri, failure.ToString());
            Retry(state, state.Config.RetryInterval);
        }
    }

    private void Retry(OutboundRegistration state, int seconds)
    {
        if (state.Stopped || seconds <= 0 || ++state.Retries > state.Config.MaxRetries)
        {
            return;
        }

        ScheduleSend(state, TimeSpan.FromSeconds(seconds));
    }

    private PjsipAuth? FindAuth(PjsipRegistration reg)
        => reg.OutboundAuths.Select(_runtime.Auth).OfType<PjsipAuth>().FirstOrDefault();

    private static int GrantedExpires(SipMessage response, int requested)
    {
        foreach (var value in response.GetValues(SipHeaderId.Contact))
        {
            if (Switchboard.Sip.Headers.SipNameAddr.TryParse(value, out var na) && na.Expires > 0)
            {
                return (int)Math.Min(na.Expires, requested);
            }
        }

        return response.TryGetExpires(out int e) && e > 0 ? e : requested;
    }

    private static DigestChallenge DigestChallengeCopy(in DigestChallenge c) => new()
    {
        Realm = c.Realm.ToArray(),
        Nonce = c.Nonce.ToArray(),
        Opaque = c.Opaque.ToArray(),
        AlgorithmName = c.AlgorithmName.ToArray(),
        QopOptions = c.QopOptions.ToArray(),
        Stale = c.Stale,
    };

    private static string ClientUser(string clientUri)
        => SipUri.TryParse(Encoding.UTF8.GetBytes(clientUri), out var u) ? Encoding.UTF8.GetString(u.User.Span) : "s";

    public void Dispose()
    {
        foreach (var r in _registrations.Values)
        {
            r.Stopped = true;
            r.Timer.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound registration '{Name}' to {Server} registered for {Expires} s")]
    private partial void LogRegistered(string name, string server, int expires);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound registration '{Name}' to {Server} rejected with {Status}")]
    private partial void LogRejected(string name, string server, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound registration '{Name}' to {Server} failed: {Reason}")]
    private partial void LogTimeout(string name, string server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound registration '{Name}': cannot resolve {Server}")]
    private partial void LogUnresolvable(string name, string server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound registration '{Name}': {Reason}")]
    private partial void LogSendFailed(string name, string reason);
}
