using System.Collections.Concurrent;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Cdr;

/// <summary>
/// Builds one CDR per call from the channel lifecycle: the record belongs to the call's first channel (party A,
/// whose Linkedid is its own Uniqueid); Dial and bridges fill in the destination channel and the answer time; the
/// row is formatted and queued for Master.csv when party A hangs up.
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
        if (!Config.Enabled || !string.Equals(channel.LinkedId, channel.UniqueId, StringComparison.Ordinal))
        {
            return;
        }

        var record = new CdrRecord { Channel = channel.Name, UniqueId = channel.UniqueId, Start = _time.GetUtcNow() };
        _open[channel.UniqueId] = new Entry(record);
        if (channel.State == ChannelState.Up)
        {
            record.Answer = record.Start;
        }
    }

    public void OnStateChanged(Channel channel)
    {
        if (channel.State == ChannelState.Up && _open.TryGetValue(channel.UniqueId, out var e))
        {
            lock (e)
            {
                e.Record.Answer ??= _time.GetUtcNow();
            }
        }
    }

    public void OnHangup(Channel channel)
    {
        if (!_open.TryRemove(channel.UniqueId, out var e))
        {
            return;
        }

        CdrRecord r;
        lock (e)
        {
            r = e.Record;
            r.End = _time.GetUtcNow();
            r.AccountCode = channel.AccountCode;
            r.Source = channel.CallerId.Number;
            r.CallerId = ClidOf(channel.CallerId);
            r.Destination = channel.Exten;
            r.DestinationContext = channel.Context;
            r.LastApplication = channel.LastApplication;
            r.LastData = channel.LastApplicationData;
            r.UserField = channel.Variables.Get(CdrFunction.Key("userfield")) ?? string.Empty;
            r.AmaFlags = channel.Variables.Get(CdrFunction.Key("amaflags")) ?? "DOCUMENTATION";
            r.Disposition = Disposition(r.Answer is not null, e.DialStatus, channel.HangupCause);
        }

        var config = Config;
        _writer.Enqueue(CdrCsvFormatter.Format(r, config, _time.LocalTimeZone), config.AccountLogs ? r.AccountCode : null);
    }

    public void OnDialBegin(Channel caller, Channel callee, string dialString)
    {
        if (_open.TryGetValue(caller.UniqueId, out var e))
        {
            lock (e)
            {
                if (e.DialStatus != "ANSWER")
                {
                    e.Record.DestinationChannel = callee.Name;
                }
            }
        }
    }

    public void OnDialEnd(Channel caller, Channel callee, string dialStatus)
    {
        if (_open.TryGetValue(caller.UniqueId, out var e))
        {
            lock (e)
            {
                if (e.DialStatus == "ANSWER")
                {
                    return;
                }

                // Busy outranks the other failures of a fork, as Dial's DIALSTATUS does.
                if (dialStatus == "ANSWER" || e.DialStatus != "BUSY")
                {
                    e.DialStatus = dialStatus;
                }

                if (dialStatus == "ANSWER")
                {
                    e.Record.DestinationChannel = callee.Name;
                    e.Record.Answer = _time.GetUtcNow();
                }
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
                e.Record.DestinationChannel = other.Name;
            }
        }
    }

    public void OnBridgeLeave(Bridge bridge, Channel channel)
    {
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

    private sealed class Entry(CdrRecord record)
    {
        public CdrRecord Record { get; } = record;

        public string? DialStatus { get; set; }
    }
}
