using System.Globalization;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Channels;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;
using Switchboard.Media.Relay;
using Switchboard.Sdp;
using Switchboard.Sdp.Negotiation;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// What inbound and outbound PJSIP channels share: the endpoint, the SIP dialog and where it is reached, the RTP leg
/// (when the PBX relays media), BYE in both directions and the final cleanup. Everything here runs on the call's
/// serializer key.
/// </summary>
internal abstract partial class PjsipChannel : Channel, ICallLeg, IClientTransactionUser, IRtpTimeoutListener
{
    /// <summary>Asterisk's cause when rtp_timeout disconnects a channel (AST_CAUSE_REQUESTED_CHAN_UNAVAIL).</summary>
    public const int RtpTimeoutCause = 44;

    private RtpLeg? _rtp;
    private ChannelMediaControl? _mediaControl;
    private RtpTimeoutWatch? _rtpWatch;
    private int _rtpTimeoutSeconds;
    private bool _released;

    protected PjsipChannel(CallEnvironment env, PjsipEndpoint endpoint, string callKey, LegAddress address)
        : base(env.Channels.NextName("PJSIP", endpoint.Name), env.Channels.NextUniqueId(), "PJSIP", endpoint.Name, callKey, env.Time)
    {
        Env = env;
        Endpoint = endpoint;
        Address = address;
        Language = endpoint.Language.Length > 0 ? endpoint.Language : "en";
        AccountCode = endpoint.AccountCode;
        foreach (var v in endpoint.SetVars)
        {
            Variables.Set(v.Name, v.Value);
        }
    }

    public CallEnvironment Env { get; }

    public PjsipEndpoint Endpoint { get; }

    public LegAddress Address { get; }

    /// <summary>The confirmed (or early) dialog of this leg.</summary>
    public Dialog? Dialog { get; protected set; }

    public override RtpLeg? Rtp => _rtp;

    /// <summary>True when the PBX relays this leg's media (false: direct_media passes SDP through).</summary>
    public bool RelaysMedia { get; init; } = true;

    /// <summary>The media leg this channel's will be bridged to (the dialling caller's): both are served by one RTP thread.</summary>
    public RtpLeg? RtpNear { get; init; }

    public LocalSdpSession SdpSession { get; } = LocalSdpSession.CreateRandom();

    /// <summary>The SDP we last sent on this leg (offer or answer).</summary>
    public byte[]? LocalSdp { get; protected set; }

    /// <summary>The SDP the peer last sent.</summary>
    public byte[]? RemoteSdp { get; protected set; }

    /// <summary>Raised on the key when the peer ends the call (BYE, CANCEL, failure).</summary>
    public Action<PjsipChannel>? RemoteHangup { get; set; }

    /// <summary>Raised on the key when the peer sent new SDP inside the dialog (hold/resume).</summary>
    public Action<PjsipChannel, byte[]>? RemoteReinvite { get; set; }

    /// <summary>Raised on the key when the leg's media became known later (answer in the ACK).</summary>
    public Action<PjsipChannel>? MediaChanged { get; set; }

    /// <summary>Answers the leg when the PBX is its UAS (no-op for a leg the PBX dialled: it is up already).</summary>
    public virtual void Answer()
    {
    }

    /// <summary>Ringing/progress/busy towards the peer when the PBX is its UAS.</summary>
    public virtual void Indicate(ChannelIndication indication)
    {
    }

    /// <summary>A provisional response (early media) when the PBX is the leg's UAS.</summary>
    public virtual void SendProvisional(int status, ReadOnlySpan<byte> reason, bool withSdp)
    {
    }

    /// <summary>With direct media the other side's SDP becomes this leg's answer (UAS legs only).</summary>
    public virtual void UseRemoteAnswer(byte[] sdp)
    {
    }

    protected bool EnsureRtp(out string? error)
    {
        error = null;
        if (_rtp is not null || !RelaysMedia)
        {
            return true;
        }

        _rtp = Env.Media.TryCreateLeg(Address.RtpBind, Name, Endpoint.RtpSymmetric, out error);
        if (_rtp is not null && Env.MediaOptions is { } options)
        {
            _mediaControl = new ChannelMediaControl(_rtp, options, HungUp, Name, Env.Log);
        }

        _rtp?.Start(RtpNear);
        return _rtp is not null;
    }

    /// <summary>Dialplan media of this channel (null with direct media or without media options).</summary>
    internal ChannelMediaControl? MediaControl => _mediaControl;

    public override ValueTask<Switchboard.Dialplan.Execution.PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken)
        => _mediaControl is { } media ? media.PlayAsync(file, stopDigits, Language, cancellationToken) : base.PlayAsync(file, stopDigits, cancellationToken);

    public override ValueTask<Switchboard.Dialplan.Execution.DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        => _mediaControl is { } media ? media.WaitForDigitAsync(timeout, Time, cancellationToken) : base.WaitForDigitAsync(timeout, cancellationToken);

    public override ValueTask<Switchboard.Dialplan.Execution.DigitResult> EchoAsync(CancellationToken cancellationToken)
        => _mediaControl is { } media ? media.EchoAsync(cancellationToken) : base.EchoAsync(cancellationToken);

    /// <summary>Starts music on hold to this channel (musiconhold.conf class, else "default"); false when it cannot play.</summary>
    public bool StartMusicOnHold(string? className, out string? error)
    {
        if (_mediaControl is not { } media)
        {
            error = "the channel's media is not relayed by the PBX";
            return false;
        }

        return media.StartMusic(className, out error);
    }

    public void StopMusicOnHold() => _mediaControl?.StopMusic();

    /// <summary>Starts the endpoint's rtp_timeout watch (once the call is up and media is relayed).</summary>
    protected void StartRtpTimeout()
    {
        if (_rtp is null || _rtpWatch is not null || Endpoint.RtpTimeout <= 0 || Env.MediaOptions is not { } options)
        {
            return;
        }

        _rtpWatch = new RtpTimeoutWatch(_rtp, options.Wheel, this);
        _rtpTimeoutSeconds = Endpoint.RtpTimeout;
        _rtpWatch.Start(TimeSpan.FromSeconds(Endpoint.RtpTimeout));
    }

    /// <summary>
    /// Hold/resume: a held call (the peer sends nothing) is watched with rtp_timeout_hold instead of rtp_timeout
    /// (0 = not watched), as Asterisk does.
    /// </summary>
    private void RestartRtpTimeout(bool onHold)
    {
        if (_rtp is null || Env.MediaOptions is not { } options || State != Switchboard.Dialplan.Execution.ChannelState.Up)
        {
            return;
        }

        int seconds = onHold ? Endpoint.RtpTimeoutHold : Endpoint.RtpTimeout;
        if (seconds <= 0)
        {
            _rtpWatch?.Stop();
            return;
        }

        _rtpWatch ??= new RtpTimeoutWatch(_rtp, options.Wheel, this);
        _rtpTimeoutSeconds = seconds;
        _rtpWatch.Start(TimeSpan.FromSeconds(seconds));
    }

    void IRtpTimeoutListener.OnRtpTimeout(RtpLeg leg, TimeSpan silence)
        => Env.Serializer.Post(CallKey, static s => s.Channel.OnRtpTimeout(s.Silence), (Channel: this, Silence: silence));

    private void OnRtpTimeout(TimeSpan silence)
    {
        if (IsHungUp)
        {
            return;
        }

        MediaLog.RtpTimeout(Env.Log, Name, _rtpTimeoutSeconds > 0 ? _rtpTimeoutSeconds : (int)Math.Round(silence.TotalSeconds));
        EndCall(RtpTimeoutCause);
        RemoteHangup?.Invoke(this);
    }

    /// <summary>Ends the call from the PBX side with <paramref name="cause"/> (on the key).</summary>
    protected abstract void EndCall(int cause);

    public override string? ReadItem(string item)
    {
        switch (item.ToLowerInvariant())
        {
            case "endpoint":
                return Endpoint.Name;
            case "channeltype":
                return "PJSIP";
            case "peerip":
            case "recvip":
                return Address.Peer.Remote.Address.ToString();
            case "rtp,dest":
            case "rtpdest":
                return _rtp?.RtpDestination?.ToString();
            case "callid":
                return Dialog is null ? null : System.Text.Encoding.UTF8.GetString(Dialog.Id.CallId.Span);
            case "audioreadformat":
            case "audionativeformat":
            case "audiowriteformat":
                return _rtp?.Media?.Primary.Name;
            default:
                return null;
        }
    }

    public abstract void OnAck(SipMessage ack);

    public void OnDialogRequest(SipRequestContext context)
    {
        var request = context.Request;
        if (Dialog is null || !Dialog.TryAcceptRequest(request))
        {
            SipResponder.Send(Env.Stack, context, 500, "Server Internal Error");
            return;
        }

        switch (request.Method)
        {
            case SipMethod.Bye:
                SipResponder.Send(Env.Stack, context, 200, "OK");
                CallLog.ByeReceived(Env.Log, Name);
                Release(16);
                RemoteHangup?.Invoke(this);
                break;
            case SipMethod.Invite:
                OnReinvite(context);
                break;
            case SipMethod.Info:
                // Read the body before answering: the request's buffer is released with the response.
                bool isDtmf = SipInfoDtmf.TryRead(request, out char digit);
                SipResponder.Send(Env.Stack, context, 200, "OK");
                if (isDtmf)
                {
                    _mediaControl?.OnInfoDigit(digit);
                }

                break;
            case SipMethod.Notify:
            case SipMethod.Options:
            case SipMethod.Update:
                SipResponder.Send(Env.Stack, context, 200, "OK");
                break;
            default:
                SipResponder.Send(Env.Stack, context, 501, "Not Implemented");
                break;
        }
    }

    /// <summary>A re-INVITE: answer it from our leg (same port, the peer's direction mirrored) and tell the bridge.</summary>
    private void OnReinvite(SipRequestContext context)
    {
        var body = context.Request.Body;
        if (body.IsEmpty)
        {
            SendReinviteAnswer(context, LocalSdp);
            return;
        }

        var offerBytes = body.ToArray();
        if (!Switchboard.Sdp.Parsing.SdpParser.TryParse(offerBytes, out var offer, out _))
        {
            SipResponder.Send(Env.Stack, context, 488, "Not Acceptable Here");
            return;
        }

        byte[]? answer = LocalSdp;
        if (RelaysMedia && Rtp is { } leg)
        {
            var direction = MediaDirection.SendRecv;
            if (offer.Media.Count > 0)
            {
                direction = offer.DirectionFor(offer.Media[0]) switch
                {
                    MediaDirection.SendOnly => MediaDirection.RecvOnly,
                    MediaDirection.RecvOnly => MediaDirection.SendOnly,
                    MediaDirection.Inactive => MediaDirection.Inactive,
                    _ => MediaDirection.SendRecv,
                };
            }

            RestartRtpTimeout(onHold: direction is MediaDirection.RecvOnly or MediaDirection.Inactive);
            var result = CallMedia.Answer(offer, leg, Address.Advertised, Endpoint.Codecs, SdpSession, direction);
            if (!result.Succeeded)
            {
                SipResponder.Send(Env.Stack, context, 488, "Not Acceptable Here");
                return;
            }

            answer = Switchboard.Sdp.Writing.SdpWriter.ToBytes(result.Description);
        }

        RemoteSdp = offerBytes;
        SendReinviteAnswer(context, answer);
        RemoteReinvite?.Invoke(this, offerBytes);
    }

    private void SendReinviteAnswer(SipRequestContext context, byte[]? sdp)
    {
        var contact = Address.Contact(Endpoint.FromUser);
        using var buf = new PooledBufferWriter();
        var w = SipResponseFactory.Begin(buf, context.Request, 200, "OK"u8);
        w.WriteHeader("Contact", contact);
        w.WriteHeader("Server", Env.Stack.UserAgent);
        if (sdp is null)
        {
            w.WriteEnd();
        }
        else
        {
            w.WriteBody("application/sdp"u8, sdp);
        }

        context.Transaction.SendResponse(buf.WrittenSpan);
        Dialog?.StartAnswerRetransmission(Env.Stack.Transactions, buf.WrittenSpan, Address.Peer);
    }

    /// <summary>Sends a re-INVITE with <paramref name="sdp"/> in the dialog (hold/resume relayed from the other leg).</summary>
    public void SendReinvite(byte[] sdp)
    {
        if (Dialog is not { State: DialogState.Confirmed } dialog)
        {
            return;
        }

        using var buf = new PooledBufferWriter();
        var w = dialog.WriteRequest(buf, SipMethod.Invite, Address.Peer.ViaTransport, Address.SentBy);
        w.WriteHeader("Contact", Address.Contact(Endpoint.FromUser));
        w.WriteHeader("User-Agent", Env.Stack.UserAgent);
        w.WriteBody("application/sdp"u8, sdp);
        Env.Stack.Transactions.SendRequest(buf.WrittenSpan, Address.Peer, this);
        LocalSdp = sdp;
    }

    /// <summary>Sends BYE in the confirmed dialog.</summary>
    protected void SendBye(int cause)
    {
        if (Dialog is not { State: DialogState.Confirmed } dialog)
        {
            return;
        }

        using var buf = new PooledBufferWriter();
        var w = dialog.WriteRequest(buf, SipMethod.Bye, Address.Peer.ViaTransport, Address.SentBy);
        w.WriteHeader("Reason", "Q.850;cause=" + cause.ToString(CultureInfo.InvariantCulture));
        w.WriteHeader("User-Agent", Env.Stack.UserAgent);
        w.WriteEnd();
        Env.Stack.Transactions.SendRequest(buf.WrittenSpan, Address.Peer, this);
        CallLog.ByeSent(Env.Log, Name, cause);
    }

    /// <summary>Ends the channel: hangup cause, dialog removed, RTP port released, out of the registry. Idempotent.</summary>
    protected void Release(int cause)
    {
        MarkHungUp(cause);
        if (_released)
        {
            return;
        }

        Volatile.Write(ref _released, true);
        if (Dialog is { } d)
        {
            d.Terminate();
            Env.Dialogs.Remove(d);
        }

        _rtpWatch?.Dispose();
        _mediaControl?.Dispose();
        _rtp?.Dispose();
        Env.Channels.Remove(this);
        OnReleased();
        CallLog.ChannelEnded(Env.Log, Name, cause);
    }

    /// <summary>True once <see cref="Release"/> has run (any thread may read it).</summary>
    protected bool IsReleased => Volatile.Read(ref _released);

    /// <summary>Called once when the channel is released.</summary>
    protected virtual void OnReleased()
    {
    }

    public virtual void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (transaction.Method == SipMethod.Invite && response.StatusCode is >= 200 and < 300 && Dialog is { } dialog)
        {
            // 2xx to a re-INVITE: ACK it (on the key; the dialog is not thread-safe).
            var detached = response.Detach();
            Env.Serializer.Post(CallKey, static s =>
            {
                var (channel, message) = s;
                using (message)
                {
                    channel.AckReinvite(message);
                }
            }, (this, detached));
        }
    }

    public virtual void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
    }

    private void AckReinvite(SipMessage response)
    {
        if (Dialog is not { } dialog)
        {
            return;
        }

        using var buf = new PooledBufferWriter();
        var w = dialog.WriteRequest(buf, SipMethod.Ack, Address.Peer.ViaTransport, Address.SentBy);
        w.WriteEnd();
        Env.Stack.Send(Address.Peer, buf.WrittenSpan);
    }
}
