using System.Collections.Concurrent;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Cdr;

/// <summary>
/// Builds the CDRs of a call from the channel lifecycle as Asterisk's CDR engine does: the records belong to the
/// call's first channel (party A, whose Linkedid is its own Uniqueid); every party B that party A dials gets its
/// own record (A/B pair) with its own dstchannel and disposition — a forked Dial writes the winner ANSWERED and
/// each loser with its own status (NO ANSWER for a cancelled ring, BUSY, FAILED), ended when its dial ended.
/// Asterisk's post_cdr only drops unanswered records without a dstchannel when unanswered=no, so losers are
/// written. The rows are formatted and queued for Master.csv, in dial order, when party A hangs up. The call ends
/// when it hangs up (as with cdr.conf endbeforehexten=yes): dst, dcontext, lastapp and lastdata are where the dialplan
/// was then, whether or not the h extension has started by the time the channel leaves the registry.
/// </summary>
public sealed class CdrRecorder : IChannelObserver
{
    private readonly ConcurrentDictionary<string, Entry> _open = new(StringComparer.Ordinal);
    private readonly CdrCsvWriter _writer;
    private readonly TimeProvider _time;
    private CdrConfig _config;

    public CdrRecorder(CdrCsvWriter writer, CdrConfig config, TimeProvider? time = null)
    {
        _writer = writer;
        _config = config;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>cdr.conf (reload): with enable=no, calls that start from now on are not recorded.</summary>
    public CdrConfig Config
    {
        get => Volatile.Read(ref _config);
        set => Volatile.Write(ref _config, value ?? CdrConfig.Default);
    }

    /// <summary>Calls with an open record.</summary>
    public int OpenCount => _open.Count;

    public void OnNewChannel(Channel channel)
    {
        if (!Config.Enabled || !IsPartyA(channel))
        {
            return;
        }

        var now = _time.GetUtcNow();
        var e = new Entry(new Pair(now));
        if (channel.State == ChannelState.Up)
        {
            e.PartyAAnswer = now;
        }

        _open[channel.UniqueId] = e;
    }

    public void OnStateChanged(Channel channel)
    {
        if (channel.State == ChannelState.Up && _open.TryGetValue(channel.UniqueId, out var e))
        {
            lock (e)
            {
                e.PartyAAnswer ??= _time.GetUtcNow();
            }
        }
    }

    public void OnHangup(Channel channel)
    {
        if (!_open.TryRemove(channel.UniqueId, out var e))
        {
            return;
        }

        var config = Config;
        var now = _time.GetUtcNow();
        var position = channel.PositionForRecord;
        lock (e)
        {
            bool anyAnswered = false;
            foreach (var pair in e.Pairs)
            {
                anyAnswered |= pair.CalleeAnswer is not null;
            }

            for (int i = 0; i < e.Pairs.Count; i++)
            {
                var pair = e.Pairs[i];
                var r = new CdrRecord
                {
                    Channel = channel.Name,
                    UniqueId = channel.UniqueId,
                    Start = pair.Start,
                    DestinationChannel = pair.DestinationChannel,
                    AccountCode = channel.AccountCode,
                    Source = channel.CallerId.Number,
                    CallerId = ClidOf(channel.CallerId),
                    Destination = position.Exten,
                    DestinationContext = position.Context,
                    LastApplication = position.LastApplication,
                    LastData = position.LastApplicationData,
                    UserField = channel.Variables.Get(CdrFunction.Key("userfield")) ?? string.Empty,
                    AmaFlags = channel.Variables.Get(CdrFunction.Key("amaflags")) ?? "DOCUMENTATION",
                };
                r.Answer = pair.CalleeAnswer ?? PartyAAnswerFor(e, pair, i == 0, anyAnswered);
                bool loser = anyAnswered && r.Answer is null;
                r.End = loser && pair.DialEnd is { } ended ? ended : now;
                r.Disposition = Disposition(r.Answer is not null, pair.DialStatus, channel.HangupCause);
                _writer.Enqueue(CdrCsvFormatter.Format(r, config, _time.LocalTimeZone), config.AccountLogs ? r.AccountCode : null);
            }
        }
    }

    /// <summary>
    /// The call's first channel, and the ;2 half of every Local pair: Asterisk's CDR engine gives every channel a
    /// record and drops, when it is written, only those of dialled channels (outgoing, not originated) without a
    /// party B. ;2 is never dialled — its ;1 is (by a Dial, an originate or a call file) — so what ;2 answers or
    /// dials is recorded under ;2 (Local/x@ctx-…;2 → PJSIP/bob), next to the originated ;1's own row.
    /// </summary>
    private static bool IsPartyA(Channel channel)
        => string.Equals(channel.LinkedId, channel.UniqueId, StringComparison.Ordinal)
            || channel is Local.LocalChannel { Half: 2 };

    /// <summary>
    /// Party A's own answer counts for a pair when it came before that pair's dial (Answer() then Dial), or — for the
    /// first pair when no party B answered at all — whenever it came (the call was answered by the dialplan).
    /// </summary>
    private static DateTimeOffset? PartyAAnswerFor(Entry e, Pair pair, bool first, bool anyAnswered)
    {
        if (e.PartyAAnswer is not { } a)
        {
            return null;
        }

        if (first && !anyAnswered)
        {
            return a;
        }

        return pair.DialBegin is { } begin && a <= begin ? (first ? a : pair.Start) : null;
    }

    public void OnDialBegin(Channel caller, Channel callee, string dialString)
    {
        if (!_open.TryGetValue(caller.UniqueId, out var e))
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (e)
        {
            var first = e.Pairs[0];
            if (first.DialBegin is null && first.DestinationChannel.Length == 0)
            {
                first.DialBegin = now;
                first.DestinationChannel = callee.Name;
                return;
            }

            if (Find(e, callee.Name) is null)
            {
                e.Pairs.Add(new Pair(now) { DialBegin = now, DestinationChannel = callee.Name });
            }
        }
    }

    public void OnDialEnd(Channel caller, Channel callee, string dialStatus)
    {
        if (!_open.TryGetValue(caller.UniqueId, out var e))
        {
            return;
        }

        lock (e)
        {
            if (Find(e, callee.Name) is not { } pair || pair.DialStatus == "ANSWER")
            {
                return;
            }

            var now = _time.GetUtcNow();
            pair.DialStatus = dialStatus;
            pair.DialEnd = now;
            if (dialStatus == "ANSWER")
            {
                pair.CalleeAnswer = now;
            }
        }
    }

    public void OnBridgeEnter(Bridge bridge, Channel channel)
    {
        if (_open.TryGetValue(channel.UniqueId, out var e))
        {
            var other = ReferenceEquals(bridge.A, channel) ? bridge.B : bridge.A;
            lock (e)
            {
                if (Find(e, other.Name) is null && e.Pairs[0].DialBegin is null)
                {
                    e.Pairs[0].DestinationChannel = other.Name;
                }
            }
        }
    }

    public void OnBridgeLeave(Bridge bridge, Channel channel)
    {
    }

    private static Pair? Find(Entry e, string callee)
    {
        foreach (var p in e.Pairs)
        {
            if (string.Equals(p.DestinationChannel, callee, StringComparison.Ordinal))
            {
                return p;
            }
        }

        return null;
    }

    internal static string Disposition(bool answered, string? dialStatus, int cause)
    {
        if (answered)
        {
            return "ANSWERED";
        }

        return dialStatus switch
        {
            "BUSY" => "BUSY",
            "CHANUNAVAIL" or "CONGESTION" => "FAILED",
            "NOANSWER" or "CANCEL" => "NO ANSWER",
            _ => cause switch
            {
                HangupCauseMapper.UserBusy => "BUSY",
                0 or HangupCauseMapper.NormalClearing or HangupCauseMapper.NoAnswer or HangupCauseMapper.NoUserResponse or 127 => "NO ANSWER",
                _ => "FAILED",
            },
        };
    }

    internal static string ClidOf(CallerIdInfo id)
    {
        if (id.Name.Length > 0 && id.Number.Length > 0)
        {
            return "\"" + id.Name + "\" <" + id.Number + ">";
        }

        return id.Name.Length > 0 ? id.Name : id.Number;
    }

    /// <summary>The open CDRs of one call: party A's answer time and one pair per party B dialled (at least one).</summary>
    private sealed class Entry(Pair first)
    {
        public List<Pair> Pairs { get; } = [first];

        public DateTimeOffset? PartyAAnswer { get; set; }
    }

    /// <summary>One A/B pair: when it started, whom it dialled and how that dial ended.</summary>
    private sealed class Pair(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset? DialBegin { get; set; }

        public string DestinationChannel { get; set; } = string.Empty;

        public string? DialStatus { get; set; }

        public DateTimeOffset? DialEnd { get; set; }

        public DateTimeOffset? CalleeAnswer { get; set; }
    }
}
