using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Channels;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;
using Switchboard.Sdp.Negotiation;
using Switchboard.Sdp.Parsing;
using Switchboard.Sdp.Writing;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// A channel the PBX dials (UAC): sends the INVITE to one contact, follows its provisional and final responses
/// (early dialog, 2xx ACKed, answer SDP installed on our RTP leg), CANCEL before answer and BYE after. Response
/// callbacks arrive on receive threads and are posted to the call's key.
/// </summary>
internal sealed partial class PjsipOutboundChannel : PjsipChannel
{
    private readonly string _target;
    private ClientTransaction? _invite;
    private SipMessage? _sentInvite;
    private byte[]? _sentInviteBytes;
    private bool _answered;
    private bool _failed;
    private OutgoingRequest? _request;
    private int _authAttempts;

    public PjsipOutboundChannel(CallEnvironment env, PjsipEndpoint endpoint, string callKey, LegAddress address, string target)
        : base(env, endpoint, callKey, address)
    {
        _target = target;
        State = ChannelState.Down;
    }

    public IDialObserver? Observer { get; set; }

    /// <summary>The contact URI dialled.</summary>
    public string Target => _target;

    public bool IsAnswered => _answered;

    /// <summary>Sends the INVITE with an SDP offer (ours, or <paramref name="passThroughOffer"/> with direct media). False when it could not be sent.</summary>
    public bool Start(CallerIdInfo callerId, IReadOnlyList<string> preferredCodecs, byte[]? passThroughOffer, out string? error)
    {
        error = null;
        byte[]? body = passThroughOffer;
        if (RelaysMedia)
        {
            if (!EnsureRtp(out error))
            {
                return false;
            }

            var codecs = CallMedia.Intersect(preferredCodecs, Endpoint.Codecs);
            body = SdpWriter.ToBytes(CallMedia.Offer(Rtp!, Address.Advertised, codecs, SdpSession));
        }

        LocalSdp = body;
        var fromUser = callerId.Number.Length > 0 ? callerId.Number : "anonymous";
        var request = new OutgoingRequest
        {
            Method = SipMethod.Invite,
            RequestUri = _target,
            FromUri = "sip:" + fromUser + "@" + (Endpoint.FromDomain.Length > 0 ? Endpoint.FromDomain : Address.Host),
            FromDisplay = callerId.Name.Length > 0 ? callerId.Name : null,
            ToUri = _target,
            ContactUser = fromUser,
            ContentType = body is null ? null : "application/sdp",
            Body = body,
        };
        request.Headers.Add(new("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, NOTIFY"));
        _request = request;
        if (!SendInvite(request, out error))
        {
            return false;
        }

        State = ChannelState.Ring;
        Env.Channels.Add(this);
        CallLog.Dialing(Env.Log, Name, _target);
        return true;
    }

    /// <summary>Writes, keeps (for the dialog and ACK) and sends <paramref name="request"/> in a new INVITE transaction.</summary>
    private bool SendInvite(OutgoingRequest request, out string? error)
    {
        error = null;
        using var buf = new PooledBufferWriter();
        request.Write(buf, Address.Transport.Local, Address.Peer, Env.Stack.UserAgent, Address.Advertised);
        var bytes = buf.WrittenSpan.ToArray();
        if (!SipMessageParser.TryParse(bytes, SipParseMode.Datagram, out var parsed, out var parseError))
        {
            error = "could not read our own INVITE: " + parseError.Description;
            return false;
        }

        _sentInvite?.Dispose();
        _sentInvite = parsed;
        _sentInviteBytes = bytes;

        // The bytes are also the transaction's user state: a response can arrive before SendRequest returns.
        _invite = Env.Stack.Transactions.SendRequest(bytes, Address.Peer, this, bytes);
        return true;
    }

    /// <summary>
    /// True for the transaction of the INVITE sent last. A UAS on the same host can answer before SendRequest has
    /// returned (37 µs on loopback under load); its 2xx then reaches <see cref="OnResponse"/> while
    /// <see cref="_invite"/> is not yet set, and taken for someone else's it was lost: the transaction stops
    /// retransmitting on a 2xx, so the callee never sent it again and the call rang out with the callee up. The
    /// transaction is therefore also known by the bytes it was started with, which it carries from before it sends.
    /// </summary>
    private bool IsCurrentInvite(ClientTransaction transaction)
    {
        if (ReferenceEquals(transaction, Volatile.Read(ref _invite)))
        {
            return true;
        }

        if (transaction.UserState is byte[] sent && ReferenceEquals(sent, Volatile.Read(ref _sentInviteBytes)))
        {
            // The same object SendRequest is about to return.
            Volatile.Write(ref _invite, transaction);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A 401/407 from a trunk: the INVITE is sent again (same Call-ID and From tag, next CSeq) with the endpoint's
    /// outbound_auth credentials answering the challenge. Once per call, so a wrong password fails instead of looping.
    /// </summary>
    private bool TryAuthenticate(SipMessage response)
    {
        if (_request is null || _authAttempts >= 1 || Authentication.OutboundDigest.CredentialsFor(Env.Runtime, Endpoint) is not { } auth)
        {
            return false;
        }

        if (!Authentication.OutboundDigest.TryAnswer(response, _request, auth, out var retry))
        {
            return false;
        }

        _authAttempts++;
        _request = retry;
        if (!SendInvite(retry, out var error))
        {
            CallLog.DialLegFailed(Env.Log, Name, _target, error ?? "?");
            return false;
        }

        CallLog.Dialing(Env.Log, Name, _target + " (with credentials of " + auth.Name + ")");
        return true;
    }

    public override ValueTask AnswerAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
        => new(Env.RunOnKeyAsync(CallKey, () => Hangup(cause)));

    public override ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>CANCEL (with <paramref name="reason"/>) before answer, BYE after.</summary>
    protected override void EndCall(int cause) => Hangup(cause);

    public void Hangup(int cause, string? reason = null)
    {
        if (IsHungUp)
        {
            return;
        }

        if (_answered)
        {
            SendBye(cause);
        }
        else
        {
            _invite?.Cancel(reason is null ? default : Encoding.ASCII.GetBytes(reason));
        }

        Release(cause);
        _sentInvite?.Dispose();
        _sentInvite = null;
    }

    public override void OnAck(SipMessage ack)
    {
    }

    /// <summary>
    /// The INVITE transaction outlives the call (Timer M keeps an answered one 32 s for 2xx retransmissions): once
    /// it has its final response it must not keep this channel, and with it the bridge, media and the other leg.
    /// </summary>
    protected override void OnReleased()
    {
        if (_invite is { State: not (TransactionState.Calling or TransactionState.Proceeding) } invite)
        {
            invite.ReleaseUser();
        }
    }

    public override void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (!IsCurrentInvite(transaction))
        {
            base.OnResponse(transaction, response);
            return;
        }

        var detached = response.Detach();
        Env.Serializer.Post(CallKey, static s =>
        {
            var (channel, message) = s;
            using (message)
            {
                channel.HandleInviteResponse(message);
            }
        }, (this, detached));
        if (response.StatusCode >= 200 && IsReleased)
        {
            transaction.ReleaseUser(); // a final response after the hang-up (CANCEL crossed a 2xx): handled once above
        }
    }

    public override void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
        if (!IsCurrentInvite(transaction))
        {
            return;
        }

        int cause = failure == TransactionFailure.Timeout ? HangupCauseMapper.NoUserResponse : HangupCauseMapper.DestinationOutOfOrder;
        Env.Serializer.Post(CallKey, static s => s.channel.Fail(s.cause), (channel: this, cause));
    }

    private void HandleInviteResponse(SipMessage response)
    {
        int status = response.StatusCode;
        if (status is 401 or 407 && !IsHungUp && TryAuthenticate(response))
        {
            return;
        }

        if (status >= 300)
        {
            Fail(HangupCauseMapper.FromSip(status));
            return;
        }

        if (IsHungUp && !(status >= 200 && !_answered))
        {
            return;
        }

        if (status >= 200 && _answered)
        {
            // A retransmitted 2xx: re-send our ACK.
            if (Dialog is { LastAck.IsEmpty: false } d)
            {
                Env.Stack.Send(Address.Peer, d.LastAck.Span);
            }

            return;
        }

        if (status > 100)
        {
            UpdateDialog(response);
        }

        if (status < 200)
        {
            if (status == 100)
            {
                return;
            }

            bool early = status == 183 || !response.Body.IsEmpty;
            if (!response.Body.IsEmpty)
            {
                ApplyAnswer(response.Body.ToArray());
            }

            if (status == 180)
            {
                State = ChannelState.Ringing;
            }

            Observer?.OnProgress(this, status, early && !response.Body.IsEmpty);
            return;
        }

        SendAck();
        if (IsHungUp)
        {
            // Answered after we gave up on it (a fork that lost the race): ACK and BYE.
            _answered = true;
            var wasReleased = Dialog;
            if (wasReleased is not null)
            {
                using var buf = new PooledBufferWriter();
                var w = wasReleased.WriteRequest(buf, SipMethod.Bye, Address.Peer.ViaTransport, Address.SentBy);
                w.WriteHeader("Reason", "SIP;cause=200;text=\"Call completed elsewhere\"");
                w.WriteEnd();
                Env.Stack.Transactions.SendRequest(buf.WrittenSpan, Address.Peer, this);
            }

            return;
        }

        _answered = true;
        if (!response.Body.IsEmpty)
        {
            ApplyAnswer(response.Body.ToArray());
        }

        State = ChannelState.Up;
        AnsweredAt = Time.GetTimestamp();
        StartRtpTimeout();
        Observer?.OnAnswered(this);
    }

    private void UpdateDialog(SipMessage response)
    {
        if (Dialog is null)
        {
            if (_sentInvite is not null && Dialog.TryCreateUac(_sentInvite, response, out var created, Address.Peer.IsSecure))
            {
                Dialog = created;
                Env.Dialogs.Add(created!, this);
            }

            return;
        }

        if (response.TryGetTo(out var to) && to.Tag.Span.SequenceEqual(Dialog.Id.RemoteTag.Span))
        {
            Dialog.ApplyResponse(response);
        }
        else if (response.StatusCode >= 200 && _sentInvite is not null && Dialog.TryCreateUac(_sentInvite, response, out var other, Address.Peer.IsSecure))
        {
            // The 2xx came from another fork than the early dialog: that one is the call.
            Env.Dialogs.Remove(Dialog);
            Dialog = other;
            Env.Dialogs.Add(other!, this);
        }
    }

    private void SendAck()
    {
        if (Dialog is not { } dialog)
        {
            return;
        }

        using var buf = new PooledBufferWriter();
        var w = dialog.WriteRequest(buf, SipMethod.Ack, Address.Peer.ViaTransport, Address.SentBy);
        w.WriteHeader("User-Agent", Env.Stack.UserAgent);
        w.WriteEnd();
        dialog.SetLastAck(buf.WrittenSpan);
        Env.Stack.Send(Address.Peer, buf.WrittenSpan);
    }

    private void ApplyAnswer(byte[] sdp)
    {
        RemoteSdp = sdp;
        if (!RelaysMedia || Rtp is null || LocalSdp is null)
        {
            return;
        }

        if (SdpParser.TryParse(LocalSdp, out var offer, out _) && SdpParser.TryParse(sdp, out var answer, out _))
        {
            CallMedia.Apply(Rtp, SdpAnswerReader.Read(offer, answer));
        }
    }

    private void Fail(int cause)
    {
        if (_failed || _answered)
        {
            return;
        }

        _failed = true;
        bool wasUp = IsHungUp;
        Release(cause);
        _sentInvite?.Dispose();
        _sentInvite = null;
        if (!wasUp)
        {
            Observer?.OnFailed(this, cause);
        }
    }
}
