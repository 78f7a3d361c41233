using Microsoft.Extensions.Logging;
using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Enforcement;
using Switchboard.AutoBan.Logging;
using Switchboard.Common.Timing;

namespace Switchboard.AutoBan.Policy;

/// <summary>
/// The watch -> jail -> parole state machine of the reference (§4.3). All state sits here under one lock; every
/// membership change goes to the in-process filter (immediately) and to the observer (nft, persistence). Expiry is
/// one timing-wheel entry per address, for its nearest deadline.
/// </summary>
internal sealed class BanPolicy
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BanAddress, OffenderRecord> _records = [];
    private readonly AutoBanOptions _options;
    private readonly TimeProvider _time;
    private readonly TimingWheel _wheel;
    private readonly AutoBanAdmissionFilter _filter;
    private readonly IBanObserver _observer;
    private readonly ILogger _logger;
    private readonly Action<object?> _onTimer;
    private int _watchCount;
    private int _jailCount;

    public BanPolicy(AutoBanOptions options, TimingWheel wheel, AutoBanAdmissionFilter filter, IBanObserver observer, ILogger logger)
    {
        _options = options;
        _wheel = wheel;
        _time = wheel.TimeProvider;
        _filter = filter;
        _observer = observer;
        _logger = logger;
        _onTimer = OnTimer;
    }

    public AutoBanOptions Options => _options;

    public int Ipv6PrefixLength => _options.Ipv6PrefixLength;

    /// <summary>Handles one failure event (FailedACL, InvalidAccountID, ChallengeResponseFailed, InvalidPassword).</summary>
    public OffenceOutcome OnOffence(BanAddress address, string eventType = "")
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _records.TryGetValue(address, out var r);
            if (r is not null)
            {
                ExpireDue(r, now);
                if (r.Whitelisted || r.Blacklisted)
                {
                    if (r.Whitelisted)
                    {
                        AutoBanLog.IgnoringWhitelisted(_logger, eventType, address.ToString());
                    }

                    return OffenceOutcome.Ignored;
                }
            }

            r ??= GetOrCreate(address);
            OffenceOutcome outcome;
            if (r.IsJailed)
            {
                if (!r.IsWatched)
                {
                    SetWatch(r, 1, now);
                }

                outcome = OffenceOutcome.AlreadyJailed;
            }
            else if (r.IsOnParole)
            {
                var sentence = Sentencing.RepeatSentence(_options, r.ParoleSentence);
                Jail(r, sentence, now);
                AutoBanLog.Jailing(_logger, address.ToString(), DurationSyntax.Format(r.JailSentence), _watchCount, _jailCount);
                outcome = OffenceOutcome.Jailed;
            }
            else
            {
                int count = (r.IsWatched ? r.WatchCount : 0) + 1;
                if (count >= _options.MaxCount)
                {
                    Jail(r, _options.JailTime, now);
                    AutoBanLog.Jailing(_logger, address.ToString(), DurationSyntax.Format(r.JailSentence), _watchCount, _jailCount);
                    outcome = OffenceOutcome.Jailed;
                }
                else
                {
                    SetWatch(r, count, now);
                    AutoBanLog.Watching(_logger, address.ToString(), count, _watchCount, _jailCount);
                    outcome = OffenceOutcome.Watching;
                }
            }

            Reschedule(r, now);
            _filter.Publish();
            return outcome;
        }
    }

    /// <summary>
    /// Adds <paramref name="address"/> to <paramref name="set"/> (CLI, config, restore). Timed sets get the
    /// configured time (watch = watchtime, jail = jailtime, parole = jailtime + watchtime), refreshed if already in.
    /// </summary>
    public bool Add(AutoBanSet set, BanAddress address, bool quiet = false)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var r = GetOrCreate(address);
            ExpireDue(r, now);
            bool wasMember = r.IsMember(set);
            switch (set)
            {
                case AutoBanSet.Watch:
                    SetWatch(r, r.IsWatched ? r.WatchCount : 0, now);
                    break;
                case AutoBanSet.Jail:
                    SetJail(r, _options.JailTime, now + _options.JailTime, _options.JailTime);
                    if (!quiet)
                    {
                        AutoBanLog.JailingByCli(_logger, address.ToString(), DurationSyntax.Format(_options.JailTime), _watchCount, _jailCount);
                    }

                    break;
                case AutoBanSet.Parole:
                    var sentence = _options.JailTime;
                    var parole = Sentencing.Parole(_options, ref sentence);
                    SetParole(r, sentence, now + parole, parole);
                    break;
                case AutoBanSet.Blacklist:
                    if (!wasMember)
                    {
                        r.Blacklisted = true;
                        Notify(SetChangeKind.Added, AutoBanSet.Blacklist, r, TimeSpan.Zero);
                        if (!quiet)
                        {
                            AutoBanLog.Blacklisting(_logger, address.ToString());
                        }
                    }

                    break;
                case AutoBanSet.Whitelist:
                    if (!wasMember)
                    {
                        r.Whitelisted = true;
                        Notify(SetChangeKind.Added, AutoBanSet.Whitelist, r, TimeSpan.Zero);
                        if (!quiet)
                        {
                            AutoBanLog.Whitelisting(_logger, address.ToString());
                        }
                    }

                    break;
            }

            Reschedule(r, now);
            UpdateFilter(r);
            _filter.Publish();
            return !wasMember || AutoBanSets.IsTimed(set);
        }
    }

    /// <summary>Removes <paramref name="address"/> from <paramref name="set"/>; false when it was not a member.</summary>
    public bool Remove(AutoBanSet set, BanAddress address)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_records.TryGetValue(address, out var r))
            {
                return false;
            }

            ExpireDue(r, now);
            bool removed = RemoveFrom(r, set);
            Reschedule(r, now);
            UpdateFilter(r);
            _filter.Publish();
            return removed;
        }
    }

    /// <summary>Empties <paramref name="set"/>; returns how many addresses left it.</summary>
    public int Flush(AutoBanSet set)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            int n = 0;
            foreach (var r in _records.Values.ToArray())
            {
                ExpireDue(r, now);
                if (!r.IsMember(set))
                {
                    continue;
                }

                RemoveFrom(r, set, notify: false, log: set == AutoBanSet.Jail);
                n++;
                Reschedule(r, now);
                UpdateFilter(r);
            }

            _observer.OnChange(new SetChange(SetChangeKind.Flushed, set, default, TimeSpan.Zero, false));
            if (set != AutoBanSet.Jail)
            {
                AutoBanLog.Flushed(_logger, n, AutoBanSets.Name(set));
            }

            _filter.Publish();
            return n;
        }
    }

    /// <summary>Members of <paramref name="set"/>, sorted numerically.</summary>
    public List<BanAddress> Members(AutoBanSet set)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var list = new List<BanAddress>();
            foreach (var r in _records.Values)
            {
                if (IsLiveMember(r, set, now))
                {
                    list.Add(r.Address);
                }
            }

            list.Sort();
            return list;
        }
    }

    public bool IsMember(AutoBanSet set, BanAddress address)
    {
        lock (_gate)
        {
            return _records.TryGetValue(address, out var r) && IsLiveMember(r, set, _time.GetUtcNow());
        }
    }

    /// <summary>Every known address with its remaining times, sorted numerically.</summary>
    public List<OffenderView> Snapshot()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var list = new List<OffenderView>(_records.Count);
            foreach (var r in _records.Values)
            {
                var view = new OffenderView(
                    r.Address,
                    r.WatchCount,
                    Remaining(r.WatchUntil, now),
                    Remaining(r.JailUntil, now),
                    r.JailSentence,
                    Remaining(r.ParoleUntil, now),
                    r.ParoleSentence,
                    r.Blacklisted,
                    r.Whitelisted);
                if (view.WatchRemaining.HasValue || view.JailRemaining.HasValue || view.ParoleRemaining.HasValue || r.Blacklisted || r.Whitelisted)
                {
                    list.Add(view);
                }
            }

            list.Sort(static (a, b) => a.Address.CompareTo(b.Address));
            return list;
        }
    }

    /// <summary>Restores one saved address with the times that remain (already reduced by the downtime).</summary>
    public void Restore(OffenderView view)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var r = GetOrCreate(view.Address);
            if (view.WatchRemaining is { } w && w > TimeSpan.Zero)
            {
                if (!r.IsWatched)
                {
                    _watchCount++;
                }

                r.WatchCount = Math.Max(0, view.WatchCount);
                r.WatchUntil = now + w;
                Notify(SetChangeKind.Added, AutoBanSet.Watch, r, w);
            }

            if (view.JailRemaining is { } j && j > TimeSpan.Zero)
            {
                SetJail(r, view.JailSentence, now + j, j);
            }

            if (view.ParoleRemaining is { } p && p > TimeSpan.Zero)
            {
                SetParole(r, view.ParoleSentence, now + p, p);
            }

            if (view.Blacklisted && !r.Blacklisted)
            {
                r.Blacklisted = true;
                Notify(SetChangeKind.Added, AutoBanSet.Blacklist, r, TimeSpan.Zero);
            }

            if (view.Whitelisted && !r.Whitelisted)
            {
                r.Whitelisted = true;
                Notify(SetChangeKind.Added, AutoBanSet.Whitelist, r, TimeSpan.Zero);
            }

            Reschedule(r, now);
            UpdateFilter(r);
            _filter.Publish();
        }
    }

    /// <summary>(watch, jail) sizes as the log lines print them.</summary>
    public (int Watch, int Jail) Counts()
    {
        lock (_gate)
        {
            return (_watchCount, _jailCount);
        }
    }

    private void OnTimer(object? state)
    {
        var r = (OffenderRecord)state!;
        lock (_gate)
        {
            if (!_records.TryGetValue(r.Address, out var current) || !ReferenceEquals(current, r))
            {
                return;
            }

            var now = _time.GetUtcNow();
            r.Timer = default;
            ExpireDue(r, now);
            Reschedule(r, now);
            UpdateFilter(r);
            _filter.Publish();
        }
    }

    private OffenderRecord GetOrCreate(BanAddress address)
    {
        if (!_records.TryGetValue(address, out var r))
        {
            r = new OffenderRecord(address);
            _records.Add(address, r);
        }

        return r;
    }

    private void SetWatch(OffenderRecord r, int count, DateTimeOffset now)
    {
        if (!r.IsWatched)
        {
            _watchCount++;
        }

        r.WatchCount = count;
        r.WatchUntil = now + _options.WatchTime;
        Notify(SetChangeKind.Added, AutoBanSet.Watch, r, _options.WatchTime);
    }

    /// <summary>Jails for <paramref name="sentence"/> (capped) and starts the parole that follows it.</summary>
    private void Jail(OffenderRecord r, TimeSpan sentence, DateTimeOffset now)
    {
        var parole = Sentencing.Parole(_options, ref sentence);
        SetJail(r, sentence, now + sentence, sentence);
        SetParole(r, sentence, now + parole, parole);
        UpdateFilter(r);
    }

    private void SetJail(OffenderRecord r, TimeSpan sentence, DateTimeOffset until, TimeSpan timeout)
    {
        if (!r.IsJailed)
        {
            _jailCount++;
        }

        r.JailSentence = sentence;
        r.JailUntil = until;
        Notify(SetChangeKind.Added, AutoBanSet.Jail, r, timeout);
    }

    private void SetParole(OffenderRecord r, TimeSpan sentence, DateTimeOffset until, TimeSpan timeout)
    {
        r.ParoleSentence = sentence;
        r.ParoleUntil = until;
        Notify(SetChangeKind.Added, AutoBanSet.Parole, r, timeout);
    }

    private bool RemoveFrom(OffenderRecord r, AutoBanSet set, bool notify = true, bool log = true)
    {
        if (!r.IsMember(set))
        {
            return false;
        }

        switch (set)
        {
            case AutoBanSet.Watch:
                r.WatchUntil = null;
                r.WatchCount = 0;
                _watchCount--;
                break;
            case AutoBanSet.Jail:
                r.JailUntil = null;
                _jailCount--;
                if (log)
                {
                    AutoBanLog.ReleasingByCli(_logger, r.Address.ToString(), _watchCount, _jailCount);
                }

                break;
            case AutoBanSet.Parole:
                r.ParoleUntil = null;
                break;
            case AutoBanSet.Blacklist:
                r.Blacklisted = false;
                if (log)
                {
                    AutoBanLog.Unblacklisting(_logger, r.Address.ToString());
                }

                break;
            case AutoBanSet.Whitelist:
                r.Whitelisted = false;
                if (log)
                {
                    AutoBanLog.Unwhitelisting(_logger, r.Address.ToString());
                }

                break;
        }

        if (notify)
        {
            Notify(SetChangeKind.Removed, set, r, TimeSpan.Zero);
        }

        return true;
    }

    /// <summary>Ends every part of <paramref name="r"/> whose time is up (the wheel may fire a little late).</summary>
    private void ExpireDue(OffenderRecord r, DateTimeOffset now)
    {
        if (r.WatchUntil <= now)
        {
            r.WatchUntil = null;
            r.WatchCount = 0;
            _watchCount--;
            Notify(SetChangeKind.Removed, AutoBanSet.Watch, r, TimeSpan.Zero, expired: true);
        }

        if (r.JailUntil <= now)
        {
            r.JailUntil = null;
            _jailCount--;
            Notify(SetChangeKind.Removed, AutoBanSet.Jail, r, TimeSpan.Zero, expired: true);
            var parole = Remaining(r.ParoleUntil, now) ?? TimeSpan.Zero;
            AutoBanLog.Releasing(_logger, r.Address.ToString(), DurationSyntax.Format(r.JailSentence), DurationSyntax.Format(parole), _watchCount, _jailCount);
        }

        if (r.ParoleUntil <= now)
        {
            r.ParoleUntil = null;
            Notify(SetChangeKind.Removed, AutoBanSet.Parole, r, TimeSpan.Zero, expired: true);
            AutoBanLog.ParoleEnded(_logger, r.Address.ToString());
        }
    }

    private void Reschedule(OffenderRecord r, DateTimeOffset now)
    {
        var next = r.NextExpiry;
        if (next is null)
        {
            r.Timer.Cancel();
            r.Timer = default;
            if (r.IsEmpty)
            {
                _records.Remove(r.Address);
            }

            return;
        }

        if (r.Timer.IsActive && r.TimerDue == next.Value)
        {
            return;
        }

        r.Timer.Cancel();
        r.TimerDue = next.Value;
        r.Timer = _wheel.Schedule(next.Value - now, _onTimer, r);
    }

    private void UpdateFilter(OffenderRecord r) => _filter.SetBlocked(r.Address, r.IsBlocked);

    private void Notify(SetChangeKind kind, AutoBanSet set, OffenderRecord r, TimeSpan timeout, bool expired = false)
        => _observer.OnChange(new SetChange(kind, set, r.Address, timeout, expired));

    private static bool IsLiveMember(OffenderRecord r, AutoBanSet set, DateTimeOffset now) => set switch
    {
        AutoBanSet.Watch => r.WatchUntil > now,
        AutoBanSet.Jail => r.JailUntil > now,
        AutoBanSet.Parole => r.ParoleUntil > now,
        _ => r.IsMember(set),
    };

    private static TimeSpan? Remaining(DateTimeOffset? until, DateTimeOffset now)
        => until is { } u && u > now ? u - now : null;
}
