using Switchboard.Config.Pjsip;
using Switchboard.Core.Channels;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;
using Switchboard.Sdp;
using Switchboard.Sdp.Writing;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// The channel of an INVITE the PBX received (UAS): provisional and final responses on the INVITE's server
/// transaction, the SDP answer from our RTP leg (or the callee's SDP with direct media), 2xx retransmission until
/// ACK, CANCEL (487) and BYE.
/// </summary>
internal sealed partial class PjsipInboundChannel : PjsipChannel, IDialogUser
{
    private readonly ServerTransaction _invite;
    private readonly byte[] _localTag = DialogTag.NewBytes();
    private SessionDescription? _offer;
    private bool _finalSent;
    private bool _lateOffer;

    public PjsipInboundChannel(CallEnvironment env, PjsipEndpoint endpoint, string callKey, LegAddress address, ServerTransaction invite)
        : base(env, endpoint, callKey, address)
    {
        _invite = invite;
        State = ChannelState.Ring;
        Dialog = Dialog.CreateUas(invite.Request, _localTag, address.Peer.IsSecure);
        env.Dialogs.Add(Dialog, this);
        env.Calls[callKey] = this;
    }

    protected override void OnReleased() => Env.Calls.TryRemove(new KeyValuePair<string, PjsipInboundChannel>(CallKey, this));

    /// <summary>The caller's SDP offer (null for an INVITE without SDP).</summary>
    public SessionDescription? Offer => _offer;

    public bool IsAnswered => State == ChannelState.Up;

    /// <summary>Reads the offer; false (488 sent) when it is unusable.</summary>
    public bool TryAcceptOffer()
    {
        var body = _invite.Request.Body;
        if (body.IsEmpty)
        {
            return AcceptLateOffer();
        }

        RemoteSdp = body.ToArray();
        if (!Switchboard.Sdp.Parsing.SdpParser.TryParse(RemoteSdp, out _offer, out _))
        {
            Reject(488, "Not Acceptable Here");
            return false;
        }

        if (!RelaysMedia)
        {
            return true;
        }

        if (!EnsureRtp(out var error))
        {
            CallLog.NoRtpPort(Env.Log, Name, error ?? "?");
            Reject(503, "Service Unavailable");
            return false;
        }

        var answer = CallMedia.Answer(_offer, Rtp!, Address.Advertised, Endpoint.Codecs, SdpSession);
        if (!answer.Succeeded)
        {
            Reject(488, "Not Acceptable Here");
            return false;
        }

        LocalSdp = SdpWriter.ToBytes(answer.Description);
        return true;
    }

    /// <summary>An INVITE without SDP: our offer goes in the 200 and the answer comes in the ACK (RFC 3261 §13.2.1).</summary>
    private bool AcceptLateOffer()
    {
        if (!RelaysMedia)
        {
            return true;
        }

        if (!EnsureRtp(out var error))
        {
            CallLog.NoRtpPort(Env.Log, Name, error ?? "?");
            Reject(503, "Service Unavailable");
            return false;
        }

        _lateOffer = true;
        LocalSdp = SdpWriter.ToBytes(CallMedia.Offer(Rtp!, Address.Advertised, Endpoint.Codecs, SdpSession));
        return true;
    }

    /// <summary>With direct media the callee's SDP becomes ours.</summary>
    public override void UseRemoteAnswer(byte[] sdp)
    {
        if (!RelaysMedia)
        {
            LocalSdp = sdp;
        }
    }

    public override ValueTask AnswerAsync(CancellationToken cancellationToken)
        => new(Env.RunOnKeyAsync(CallKey, Answer));

    public override ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
        => new(Env.RunOnKeyAsync(CallKey, () => Hangup(cause)));

    public override ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken)
        => new(Env.RunOnKeyAsync(CallKey, () => Indicate(indication)));

    /// <summary>200 OK with our SDP; the dialog is confirmed and the 2xx retransmitted until ACK.</summary>
    public override void Answer()
    {
        if (_finalSent || IsHungUp)
        {
            return;
        }

        _finalSent = true;
        using var buf = new PooledBufferWriter();
        var w = Begin(buf, 200, "OK"u8);
        w.WriteHeader("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, NOTIFY");
        WriteBodyOrEnd(w);
        _invite.SendResponse(buf.WrittenSpan);
        Dialog!.Confirm();
        Dialog.User = this;
        Dialog.StartAnswerRetransmission(Env.Stack.Transactions, buf.WrittenSpan, Address.Peer);
        State = ChannelState.Up;
        AnsweredAt = Time.GetTimestamp();
        StartRtpTimeout();
        CallLog.Answered(Env.Log, Name);
    }

    public override void Indicate(ChannelIndication indication)
    {
        if (_finalSent || IsHungUp)
        {
            return;
        }

        switch (indication)
        {
            case ChannelIndication.Ringing:
                SendProvisional(180, "Ringing"u8, withSdp: false);
                State = ChannelState.Ringing;
                break;
            case ChannelIndication.Progress:
                SendProvisional(183, "Session Progress"u8, withSdp: true);
                break;
            case ChannelIndication.Busy:
                Hangup(17);
                break;
            case ChannelIndication.Congestion:
                Hangup(34);
                break;
        }
    }

    public override void SendProvisional(int status, ReadOnlySpan<byte> reason, bool withSdp)
    {
        if (_finalSent || IsHungUp)
        {
            return;
        }

        using var buf = new PooledBufferWriter();
        var w = Begin(buf, status, reason);
        if (withSdp)
        {
            WriteBodyOrEnd(w);
        }
        else
        {
            w.WriteEnd();
        }

        _invite.SendResponse(buf.WrittenSpan);
    }

    protected override void EndCall(int cause) => Hangup(cause);

    /// <summary>Ends the call: a final error response before answer (cause mapped to SIP), BYE after.</summary>
    public void Hangup(int cause)
    {
        if (IsHungUp)
        {
            return;
        }

        if (!_finalSent)
        {
            var (status, reason) = HangupCauseMapper.ToSip(cause);
            Reject(status, reason);
            Release(cause);
            return;
        }

        SendBye(cause);
        Release(cause);
    }

    /// <summary>The caller sent CANCEL: 487 to the INVITE and the channel ends.</summary>
    public void OnCancel()
    {
        if (_finalSent)
        {
            return;
        }

        Reject(487, "Request Terminated");
        CallLog.Cancelled(Env.Log, Name);
        Release(16);
        RemoteHangup?.Invoke(this);
    }

    /// <summary>The 2xx was never acknowledged: end the call.</summary>
    public void OnAckTimeout()
    {
        if (IsHungUp)
        {
            return;
        }

        SendBye(16);
        Release(16);
        RemoteHangup?.Invoke(this);
    }

    public override void OnAck(SipMessage ack)
    {
        Dialog?.OnAck(ack);
        if (!_lateOffer || ack.Body.IsEmpty || Rtp is null || LocalSdp is null)
        {
            return;
        }

        _lateOffer = false;
        RemoteSdp = ack.Body.ToArray();
        if (Switchboard.Sdp.Parsing.SdpParser.TryParse(LocalSdp, out var offer, out _) && Switchboard.Sdp.Parsing.SdpParser.TryParse(RemoteSdp, out var answer, out _))
        {
            CallMedia.Apply(Rtp, Switchboard.Sdp.Negotiation.SdpAnswerReader.Read(offer, answer));
            MediaChanged?.Invoke(this);
        }
    }

    void IDialogUser.OnAckNotReceived(Dialog dialog, TransactionFailure failure)
        => Env.Serializer.Post(CallKey, static c => c.OnAckTimeout(), this);

    private void Reject(int status, string reason)
    {
        if (_finalSent)
        {
            return;
        }

        _finalSent = true;
        using var buf = new PooledBufferWriter();
        var w = SipResponseFactory.Begin(buf, _invite.Request, status, System.Text.Encoding.ASCII.GetBytes(reason), _localTag);
        w.WriteHeader("Server", Env.Stack.UserAgent);
        w.WriteEnd();
        _invite.SendResponse(buf.WrittenSpan);
    }

    private SipMessageWriter Begin(PooledBufferWriter buf, int status, ReadOnlySpan<byte> reason)
    {
        var w = SipResponseFactory.Begin(buf, _invite.Request, status, reason, _localTag);
        SipResponseFactory.CopyAll(w, _invite.Request, SipHeaderId.RecordRoute);
        w.WriteHeader("Contact", Address.Contact(Endpoint.FromUser));
        w.WriteHeader("Server", Env.Stack.UserAgent);
        return w;
    }

    private void WriteBodyOrEnd(SipMessageWriter w)
    {
        if (LocalSdp is { } sdp)
        {
            w.WriteBody("application/sdp"u8, sdp);
        }
        else
        {
            w.WriteEnd();
        }
    }
}
