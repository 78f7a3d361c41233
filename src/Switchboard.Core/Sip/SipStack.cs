using Microsoft.Extensions.Logging;
using Switchboard.Common.Timing;
using Switchboard.Core.Events;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Validation;
using Switchboard.Transport;

namespace Switchboard.Core.Sip;

/// <summary>
/// The SIP engine's edge: receives bytes from every transport, parses them in place, answers what cannot be
/// parsed or validated (or drops it, as the RFC says), hands responses to the transaction layer and new requests to
/// the router. Also the transaction layer's sender over the transports.
/// </summary>
public sealed partial class SipStack : ITransportHandler, ISipMessageSender
{
    private readonly TransportRegistry _transports;
    private readonly ILogger _log;
    private readonly RequestValidator _validator;
    private readonly SecurityEvents _security;
    private long _parsed;
    private long _parseErrors;

    public SipStack(TransportRegistry transports, TimingWheel wheel, EventBus bus, ILogger log, TransactionTimerSettings? timers = null)
    {
        _transports = transports;
        _log = log;
        Bus = bus;
        _security = new SecurityEvents(bus, wheel.TimeProvider);
        _validator = new RequestValidator(RequestValidationPolicy.Default);
        Transactions = new TransactionLayer(this, wheel, timers, log);
        Router = new SipRequestRouter(this);
    }

    public TransactionLayer Transactions { get; }

    public SipRequestRouter Router { get; }

    public EventBus Bus { get; }

    public TransportRegistry TransportRegistry => _transports;

    /// <summary>Value of the User-Agent / Server header (pjsip.conf global user_agent).</summary>
    public string UserAgent { get; set; } = "Switchboard PBX";

    /// <summary>Messages parsed so far (the AutoBan acceptance reads it: jailed sources cause no parse).</summary>
    public long ParsedCount => Interlocked.Read(ref _parsed);

    public long ParseErrorCount => Interlocked.Read(ref _parseErrors);

    /// <summary>Admission control: refuses new out-of-dialog requests with 503 while overloaded (null = never).</summary>
    public Overload.OverloadControl? Overload { get; set; }

    /// <summary>Raised for a response that matched no client transaction (e.g. a stray 2xx to an INVITE).</summary>
    public Action<SipMessage, SipPeer>? StrayResponse { get; set; }

    public void OnMessage(ReadOnlyMemory<byte> data, in RemotePeer peer, LocalTransportInfo local)
    {
        Interlocked.Increment(ref _parsed);
        var mode = local.IsStream ? SipParseMode.Stream : SipParseMode.Datagram;
        if (!SipMessageParser.TryParse(data, mode, out SipMessage? message, out SipParseError error))
        {
            Interlocked.Increment(ref _parseErrors);
            OnUnparsable(data.Span, peer, local, error);
            return;
        }

        using (message)
        {
            message.SetRemote(peer.Address.ToIPAddress(), peer.Address.Port);
            var sipPeer = SipPeers.From(peer, local);
            if (message.IsRequest)
            {
                OnRequest(message, sipPeer, local);
            }
            else
            {
                OnResponse(message, sipPeer);
            }
        }
    }

    private void OnRequest(SipMessage request, in SipPeer peer, LocalTransportInfo local)
    {
        var validation = _validator.Validate(request);
        if (!validation.IsOk && request.Method != SipMethod.Ack)
        {
            LogInvalidRequest(peer.Remote.ToString(), validation.StatusCode, validation.Reason);
            _security.RequestBadFormat(local, peer, request, validation.Reason);
            var result = Transactions.OnRequest(request, peer);
            if (result.IsNew)
            {
                using var buf = new PooledBufferWriter();
                var w = SipResponseFactory.Begin(buf, request, validation.StatusCode, System.Text.Encoding.ASCII.GetBytes(validation.Reason), SipTags.New());
                if (validation.StatusCode == 420)
                {
                    _validator.WriteUnsupported(w, request);
                }
                else if (validation.StatusCode is 405 or 501)
                {
                    _validator.WriteAllow(w);
                }

                w.WriteHeader("Server", UserAgent);
                w.WriteEnd();
                result.Transaction!.SendResponse(buf.WrittenSpan);
            }

            return;
        }

        if (!validation.IsOk)
        {
            return; // a broken ACK is dropped
        }

        var r = Transactions.OnRequest(request, peer);
        switch (r.Disposition)
        {
            case ServerRequestDisposition.New:
                if (Overload is { } overload && overload.ShouldReject(request))
                {
                    overload.Reject(r.Transaction!, UserAgent);
                    break;
                }

                Router.Dispatch(new SipRequestContext(r.Transaction!, local, peer));
                break;
            case ServerRequestDisposition.Ack:
                Router.DispatchAck(request, peer, r.Transaction);
                break;
        }
    }

    private void OnResponse(SipMessage response, in SipPeer peer)
    {
        if (!ResponseValidator.IsAcceptable(response))
        {
            LogDroppedResponse(peer.Remote.ToString());
            return;
        }

        var d = Transactions.OnResponse(response, peer);
        if (d == ResponseDisposition.Stray)
        {
            StrayResponse?.Invoke(response, peer);
        }
    }

    private void OnUnparsable(ReadOnlySpan<byte> data, in RemotePeer peer, LocalTransportInfo local, SipParseError error)
    {
        LogUnparsable(peer.Address.ToString(), error.Description);
        if (data.Length >= 4 && data[..4].SequenceEqual("SIP/"u8))
        {
            return; // broken responses are dropped silently
        }

        _security.RequestBadFormat(local, SipPeers.From(peer, local), null, error.Description);
        using var buf = new PooledBufferWriter();
        Span<byte> addr = stackalloc byte[48];
        peer.Address.TryFormatAddress(addr, out int addrLen);
        if (SipResponseBuilder.TryWriteErrorResponse(data, 400, "Bad Request"u8, buf, addr[..addrLen], peer.Address.Port))
        {
            local.Transport.Send(buf.WrittenSpan, peer);
        }
    }

    /// <summary>The transport to use for <paramref name="peer"/>: its named transport, else the first of its protocol and family.</summary>
    public ITransport? TransportFor(in SipPeer peer)
    {
        if (peer.LocalTransport is { } name && _transports.TryGet(name, out var named))
        {
            return named;
        }

        return _transports.Find(SipPeers.ToTransport(peer.Protocol), peer.Remote.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
    }

    /// <summary>Writes <paramref name="request"/> for <paramref name="peer"/> and starts its client transaction.</summary>
    public ClientTransaction? SendRequest(OutgoingRequest request, SipPeer peer, IClientTransactionUser user, object? userState = null)
    {
        var transport = TransportFor(peer);
        if (transport is null)
        {
            LogNoTransport(peer.Protocol.ToString(), peer.Remote.ToString());
            return null;
        }

        peer = peer with { LocalTransport = transport.Name };
        using var buf = new PooledBufferWriter();
        request.Write(buf, transport.Local, peer, UserAgent);
        return Transactions.SendRequest(buf.WrittenSpan, peer, user, userState);
    }

    public bool Send(in SipPeer peer, ReadOnlySpan<byte> message)
    {
        ITransport? transport = null;
        if (peer.LocalTransport is { } name && _transports.TryGet(name, out var named))
        {
            transport = named;
        }

        transport ??= _transports.Find(SipPeers.ToTransport(peer.Protocol), peer.Remote.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
        if (transport is null)
        {
            LogNoTransport(peer.Protocol.ToString(), peer.Remote.ToString());
            return false;
        }

        var status = transport.Send(message, new RemotePeer(PeerAddress.FromEndPoint(peer.Remote)));
        return status is SendStatus.Sent or SendStatus.Queued;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unparsable SIP message from {Remote}: {Reason}")]
    private partial void LogUnparsable(string remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invalid request from {Remote}: {Status} {Reason}")]
    private partial void LogInvalidRequest(string remote, int status, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped malformed response from {Remote}")]
    private partial void LogDroppedResponse(string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Protocol} transport to reach {Remote}")]
    private partial void LogNoTransport(string protocol, string remote);
}
