using Switchboard.Common.Timing;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Relay;

namespace Switchboard.Media.Players;

/// <summary>
/// Sends digits as RFC 4733 telephone-events (SendDTMF, Dial's D() option): each digit is a
/// <see cref="DtmfEventSequence"/> sent one packet per 20 ms on the timing wheel (absolute deadlines), followed by
/// a pause; all packets of a digit carry the timestamp at which it starts.
/// </summary>
public sealed class DtmfSender
{
    private const int IntervalMs = 20;

    private readonly TimingWheel _wheel;
    private readonly IRtpSender _output;
    private readonly int _payloadType;
    private readonly int _clockRate;
    private readonly RtpPacketizer _packetizer;
    private readonly byte[] _packet = new byte[64];
    private readonly byte[] _payload = new byte[4];
    private readonly Lock _gate = new();
    private Job? _job;
    private TimerHandle _timer;

    public DtmfSender(TimingWheel wheel, IRtpSender output, int payloadType, RtpPacketizer? packetizer = null, int clockRate = 8000)
    {
        _wheel = wheel ?? throw new ArgumentNullException(nameof(wheel));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _payloadType = payloadType;
        _clockRate = clockRate;
        _packetizer = packetizer ?? new RtpPacketizer();
    }

    /// <summary>Sends <paramref name="digits"/> (invalid characters are skipped); completes after the last pause.</summary>
    public Task SendAsync(string digits, int durationMs = 100, int pauseMs = 250)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var valid = new List<char>();
        foreach (char c in digits)
        {
            if (DtmfDigits.IsDigit(c))
            {
                valid.Add(c);
            }
        }

        var job = new Job(valid, Math.Max(IntervalMs, durationMs), Math.Max(0, pauseMs), _wheel.TimeProvider.GetTimestamp());
        lock (_gate)
        {
            _job?.Done.TrySetCanceled();
            _job = job;
        }

        Tick();
        return job.Done.Task;
    }

    private void Tick()
    {
        Job? job;
        lock (_gate)
        {
            job = _job;
            if (job is null)
            {
                return;
            }

            var time = _wheel.TimeProvider;
            var elapsed = time.GetElapsedTime(job.Start);
            while (job.Digit < job.Digits.Count && elapsed >= job.NextDue)
            {
                var sequence = new DtmfEventSequence(job.Digits[job.Digit], job.DurationMs, IntervalMs, _clockRate);
                if (job.Packet == 0)
                {
                    job.EventTimestamp = _packetizer.Timestamp;
                }

                sequence.WritePayload(job.Packet, _payload, out bool marker);
                int n = _packetizer.Write(_packet, _payloadType, marker, _payload, job.EventTimestamp);
                _output.SendRtp(_packet.AsSpan(0, n));
                job.Packet++;
                if (job.Packet < sequence.PacketCount)
                {
                    job.NextDue += TimeSpan.FromMilliseconds(IntervalMs);
                }
                else
                {
                    // The digit's packets covered PacketCount intervals of wall time; then the pause. The timestamp
                    // advances by the same amount so audio that follows stays in step with the clock.
                    int spanMs = sequence.PacketCount * IntervalMs;
                    _packetizer.Skip((spanMs + job.PauseMs) * _clockRate / 1000);
                    job.NextDue += TimeSpan.FromMilliseconds(IntervalMs + job.PauseMs);
                    job.Digit++;
                    job.Packet = 0;
                }
            }

            if (job.Digit >= job.Digits.Count && elapsed >= job.NextDue - TimeSpan.FromMilliseconds(IntervalMs))
            {
                _job = null;
            }
            else
            {
                var delay = job.NextDue - elapsed;
                _timer.Cancel();
                _timer = _wheel.Schedule(delay, static s => ((DtmfSender)s!).Tick(), this);
                return;
            }
        }

        job.Done.TrySetResult();
    }

    private sealed class Job(List<char> digits, int durationMs, int pauseMs, long start)
    {
        public List<char> Digits { get; } = digits;

        public int DurationMs { get; } = durationMs;

        public int PauseMs { get; } = pauseMs;

        public long Start { get; } = start;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TimeSpan NextDue { get; set; }

        public int Digit { get; set; }

        public int Packet { get; set; }

        public uint EventTimestamp { get; set; }
    }
}
