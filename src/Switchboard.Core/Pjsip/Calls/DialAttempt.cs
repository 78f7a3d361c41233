using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Dialplan.Execution;
using Switchboard.Sdp;
using Switchboard.Sdp.Parsing;
using Switchboard.Sdp.Writing;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// One Dial() in progress: the forked outgoing legs, ringing and early media passed to the caller, the first answer
/// winning (the others cancelled with "Call completed elsewhere"), and the bridge. Runs on the call's key.
/// </summary>
internal sealed class DialAttempt : IDialObserver
{
    private const string CompletedElsewhere = "SIP;cause=200;text=\"Call completed elsewhere\"";
    private readonly CallEnvironment _env;
    private readonly PjsipChannel _caller;
    private readonly List<PjsipOutboundChannel> _legs = [];
    private readonly HashSet<PjsipOutboundChannel> _ended = [];
    private readonly TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _ringImmediately;
    private Bridge? _bridge;
    private bool _ringingSent;
    private int _lastCause;

    public DialAttempt(CallEnvironment env, PjsipChannel caller, bool ringImmediately)
    {
        _env = env;
        _caller = caller;
        _ringImmediately = ringImmediately;
    }

    /// <summary>Completes when a leg answered or every leg failed.</summary>
    public Task Decided => _decided.Task;

    public PjsipOutboundChannel? Winner { get; private set; }

    public Bridge? Bridge => _bridge;

    /// <summary>Dial's m option: the caller hears music on hold (as early media) instead of ringing until an answer.</summary>
    public bool MusicOnHold { get; set; }

    public int LegCount => _legs.Count;

    /// <summary>
    /// The channel running the Dial when it is not the caller (a Local ;2 half dialling for its PJSIP caller): dial
    /// events and CDR pairs are its own, while media and the answer go to the caller.
    /// </summary>
    public Channel? Dialer { get; init; }

    /// <summary>Each leg's failure cause (legs that could not even start included), in the order they failed.</summary>
    public List<int> FailureCauses { get; } = [];

    /// <summary>The cause that best describes why nobody answered (busy wins over the rest).</summary>
    public int FailureCause => _lastCause == 0 ? HangupCauseMapper.ChannelUnavailable : _lastCause;

    /// <summary>Creates and starts one leg per target (on the key).</summary>
    public void Start(IReadOnlyList<DialTarget> targets)
    {
        var codecs = _caller.Rtp?.Media is { } m ? Names(m) : (IReadOnlyList<string>)_caller.Endpoint.Codecs;
        foreach (var t in targets)
        {
            var address = LegAddress.For(_env.Stack, t.Peer);
            if (address is null)
            {
                FailureCauses.Add(HangupCauseMapper.ChannelUnavailable);
                _lastCause = Worse(_lastCause, HangupCauseMapper.ChannelUnavailable);
                continue;
            }

            bool relay = !(_caller.Endpoint.DirectMedia && t.Endpoint.DirectMedia) || _caller.Rtp is not null;
            var leg = new PjsipOutboundChannel(_env, t.Endpoint, _caller.CallKey, address, t.Uri) { RelaysMedia = relay, Observer = this, RtpNear = _caller.Rtp };
            leg.Variables.Set("DIALEDPEERNUMBER", t.Endpoint.Name);
            OutgoingLine.MarkDialed(leg);
            leg.LinkedId = _caller.LinkedId;
            leg.Context = _caller.Context;
            if (!leg.Start(_caller.CallerId, codecs, relay ? null : _caller.RemoteSdp, out var error))
            {
                CallLog.DialLegFailed(_env.Log, _caller.Name, t.Uri, error ?? "?");
                FailureCauses.Add(HangupCauseMapper.Congestion);
                _lastCause = Worse(_lastCause, HangupCauseMapper.Congestion);
                continue;
            }

            _legs.Add(leg);
            _env.Channels.NotifyDialBegin(Dialer ?? _caller, leg, t.Dialed);
        }

        if (_legs.Count == 0)
        {
            _decided.TrySetResult();
        }
        else if (_ringImmediately)
        {
            SendRinging();
        }
    }

    public void OnProgress(PjsipOutboundChannel leg, int status, bool earlyMedia)
    {
        if (Winner is not null || _caller.IsHungUp)
        {
            return;
        }

        if (earlyMedia)
        {
            if (!leg.RelaysMedia && leg.RemoteSdp is { } sdp)
            {
                _caller.UseRemoteAnswer(sdp);
            }

            Join(leg);
            _caller.SendProvisional(183, "Session Progress"u8, withSdp: true);
            return;
        }

        if (status == 180)
        {
            SendRinging();
        }
    }

    public void OnAnswered(PjsipOutboundChannel leg)
    {
        if (Winner is not null || _caller.IsHungUp || !DialClaim.TryTake(_caller, this, (Dialer as Local.LocalChannel)?.Other))
        {
            leg.Hangup(HangupCauseMapper.NormalClearing);
            return;
        }

        Winner = leg;
        EndDial(leg, "ANSWER");
        foreach (var other in _legs)
        {
            if (!ReferenceEquals(other, leg))
            {
                other.Hangup(HangupCauseMapper.NormalClearing, CompletedElsewhere);
                EndDial(other, "CANCEL");
            }
        }

        if (!leg.RelaysMedia && leg.RemoteSdp is { } sdp)
        {
            _caller.UseRemoteAnswer(sdp);
        }

        Join(leg);
        _caller.MediaChanged = _ => _bridge?.RefreshMedia();
        _caller.Answer();
        leg.RemoteReinvite = RelayReinvite;
        _caller.RemoteReinvite = RelayReinvite;
        _decided.TrySetResult();
    }

    public void OnFailed(PjsipOutboundChannel leg, int cause)
    {
        FailureCauses.Add(cause);
        _lastCause = Worse(_lastCause, cause);
        EndDial(leg, HangupCauseMapper.DialStatus(cause));
        foreach (var l in _legs)
        {
            if (!l.IsHungUp)
            {
                return;
            }
        }

        _decided.TrySetResult();
    }

    /// <summary>
    /// Nobody answered in time or the caller left: cancel every leg still ringing. With
    /// <paramref name="answeredElsewhere"/> (another target of a mixed Dial answered) the CANCEL says
    /// "Call completed elsewhere", as when one of these legs loses to another.
    /// </summary>
    public void CancelAll(bool answeredElsewhere = false)
    {
        foreach (var leg in _legs)
        {
            if (!ReferenceEquals(leg, Winner))
            {
                if (answeredElsewhere)
                {
                    leg.Hangup(HangupCauseMapper.NormalClearing, CompletedElsewhere);
                    EndDial(leg, "CANCEL");
                    continue;
                }

                leg.Hangup(HangupCauseMapper.NormalClearing);
                EndDial(leg, _caller.IsHungUp ? "CANCEL" : "NOANSWER");
            }
        }

        if (Winner is null)
        {
            _bridge?.Dispose();
            _bridge = null;
        }
    }

    /// <summary>After the bridged call: hang up whichever side is still up and take the bridge down.</summary>
    public void Finish(int cause)
    {
        if (_bridge is { } b)
        {
            CallLog.BridgeEnded(_env.Log, b.Id, b.A.Name, b.B.Name, b.Relay?.ForwardedAToB ?? 0, b.Relay?.ForwardedBToA ?? 0);
        }

        _bridge?.Dispose();
        _bridge = null;
        Winner?.Hangup(cause);
        if (Winner is not null)
        {
            Winner.RemoteReinvite = null;
        }

        _caller.RemoteReinvite = null;
        _caller.MediaChanged = null;
    }

    private void EndDial(PjsipOutboundChannel leg, string status)
    {
        if (_ended.Add(leg))
        {
            _env.Channels.NotifyDialEnd(Dialer ?? _caller, leg, status);
        }
    }

    private void Join(PjsipOutboundChannel leg)
    {
        if (_bridge is not null && ReferenceEquals(_bridge.B, leg))
        {
            _bridge.RefreshMedia();
            return;
        }

        _caller.StopMusicOnHold();
        _bridge?.Dispose();
        _bridge = new Bridge(_env.NextBridgeId(), _caller, leg);
        _bridge.Start();
        CallLog.Bridged(_env.Log, _bridge.Id, _caller.Name, leg.Name, _bridge.Relay is not null);
    }

    private void SendRinging()
    {
        if (!_ringingSent && !MusicOnHold)
        {
            _ringingSent = true;
            _caller.Indicate(ChannelIndication.Ringing);
        }
    }

    /// <summary>Hold/resume: the new direction (or the raw SDP with direct media) is offered to the other side.</summary>
    private void RelayReinvite(PjsipChannel from, byte[] sdp)
    {
        PjsipChannel? to = ReferenceEquals(from, _caller) ? Winner : _caller;
        if (to is null || to.IsHungUp)
        {
            return;
        }

        if (!to.RelaysMedia || to.Rtp?.Media is not { } media)
        {
            to.SendReinvite(sdp);
            return;
        }

        var direction = MediaDirection.SendRecv;
        if (SdpParser.TryParse(sdp, out var offer, out _) && offer.Media.Count > 0)
        {
            direction = offer.DirectionFor(offer.Media[0]);
        }

        var names = Names(media);
        var ours = CallMedia.Offer(to.Rtp, to.Address.Advertised, names, to.SdpSession, direction);
        to.SendReinvite(SdpWriter.ToBytes(ours));
        _bridge?.RefreshMedia();
    }

    private static List<string> Names(Switchboard.Media.Relay.RtpLegMedia media)
    {
        var names = new List<string>(media.Codecs.Count);
        foreach (var c in media.Codecs)
        {
            names.Add(c.Name);
        }

        return names;
    }

    private static int Worse(int current, int cause)
        => current == HangupCauseMapper.UserBusy ? current : cause == 0 ? current : cause;
}
