using Switchboard.Core.Channels;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Originate;

/// <summary>
/// The legs of one originate (every contact of the device rings): the first to answer wins, the others are
/// cancelled. Runs on the originate's own serializer key.
/// </summary>
internal sealed class OriginateAttempt(CallEnvironment env, OriginateRequest request, CallerIdInfo callerId, string callKey) : IDialObserver
{
    private const string CompletedElsewhere = "SIP;cause=200;text=\"Call completed elsewhere\"";
    private readonly List<PjsipOutboundChannel> _legs = [];
    private readonly TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<PjsipOutboundChannel> _ended = [];
    private int _cause;

    /// <summary>
    /// The channel that dials (the ;2 half of an originated Local pair running Dial): each leg is reported to the
    /// channel observers as its dial (DialBegin/DialEnd, so the CDR of ;2 records its A/B pairs). Null for a plain
    /// originate, whose device leg is itself the originated channel.
    /// </summary>
    public Channel? Dialer { get; init; }

    public Task Decided => _decided.Task;

    public PjsipOutboundChannel? Winner { get; private set; }

    public int FailureCause => _cause == 0 ? HangupCauseMapper.ChannelUnavailable : _cause;

    public void Start(IReadOnlyList<DialTarget> targets)
    {
        foreach (var t in targets)
        {
            var address = LegAddress.For(env.Stack, t.Peer);
            if (address is null)
            {
                _cause = HangupCauseMapper.ChannelUnavailable;
                continue;
            }

            var leg = new PjsipOutboundChannel(env, t.Endpoint, callKey, address, t.Uri)
            {
                Observer = this,
                CallerId = callerId,
                Context = request.Context ?? string.Empty,
                Exten = request.Exten ?? "s",
                Priority = request.Priority,
            };
            if (request.Account.Length > 0)
            {
                leg.AccountCode = request.Account;
            }

            CallOriginator.SetVariables(env.Dialplan, leg, request.Variables);
            if (Dialer is null)
            {
                OutgoingLine.MarkOriginated(leg);
            }
            else
            {
                OutgoingLine.MarkDialed(leg);
            }

            if (!leg.Start(callerId, t.Endpoint.Codecs, null, out var error))
            {
                CallLog.DialLegFailed(env.Log, "originate", t.Uri, error ?? "?");
                _cause = HangupCauseMapper.Congestion;
                continue;
            }

            _legs.Add(leg);
            if (Dialer is { } dialer)
            {
                env.Channels.NotifyDialBegin(dialer, leg, t.Dialed);
            }
        }

        if (_legs.Count == 0)
        {
            _decided.TrySetResult();
        }
    }

    public void OnProgress(PjsipOutboundChannel leg, int status, bool earlyMedia)
    {
    }

    public void OnAnswered(PjsipOutboundChannel leg)
    {
        if (Winner is not null || _decided.Task.IsCompleted)
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
                EndDial(other, "CANCEL");
                other.Hangup(HangupCauseMapper.NormalClearing, CompletedElsewhere);
            }
        }

        _decided.TrySetResult();
    }

    public void OnFailed(PjsipOutboundChannel leg, int cause)
    {
        _cause = _cause == HangupCauseMapper.UserBusy ? _cause : cause;
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

    /// <summary>Timeout: cancel every leg still ringing.</summary>
    public void CancelAll()
    {
        foreach (var leg in _legs)
        {
            if (!ReferenceEquals(leg, Winner))
            {
                EndDial(leg, Dialer is { IsHungUp: true } ? "CANCEL" : "NOANSWER");
                leg.Hangup(HangupCauseMapper.NoAnswer);
            }
        }

        if (Winner is null && _cause == 0)
        {
            _cause = HangupCauseMapper.NoAnswer;
        }

        _decided.TrySetResult();
    }

    private void EndDial(PjsipOutboundChannel leg, string status)
    {
        if (Dialer is { } dialer && _ended.Add(leg))
        {
            env.Channels.NotifyDialEnd(dialer, leg, status);
        }
    }
}
