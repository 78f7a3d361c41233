using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.MediaLoad;

/// <summary>
/// The media side of the load: 20 ms G.711 packets (12-byte header + 160 bytes) on every stream, paced by one sender
/// thread per side; the payload carries the real send time (Stopwatch ticks for the window, CLOCK_REALTIME ns for the
/// transit), the stream id and a sequence number. Packets go out in sendmmsg batches and come back through recvmmsg
/// (see <see cref="Mmsg"/>) with the kernel's arrival stamp (SO_TIMESTAMPNS), so transit and jitter are measured from
/// send to arrival at the generator's socket, whenever the generator gets round to reading it. Receiving either polls
/// every socket from one thread every millisecond (default: no receiver ever sleeps on a socket, so the PBX's sends
/// on loopback never pay for waking the generator — on a network that wake-up is the receiving host's cost), or
/// blocks one thread per socket in recvmmsg (--rx block). For packets sent inside the window it counts loss, one-way
/// transit (send -> back at the generator through the PBX) and RFC 3550 interarrival jitter.
/// </summary>
internal sealed class RtpTraffic : IDisposable
{
    private const int PacketSize = 172;
    private readonly Socket[] _callerSockets;
    private readonly Socket[] _calleeSockets;
    private readonly bool _poll;
    private readonly List<Thread> _threads = [];
    private readonly List<TransitHistogram> _histograms = [];
    private readonly long _period = Stopwatch.Frequency / 50;
    private volatile bool _stop;
    private RtpStream[] _callerStreams = [];
    private RtpStream[] _calleeStreams = [];
    private StreamReceipt[] _receipts = [];
    private long _windowStart;
    private long _windowEnd;
    private long _strays;

    public RtpTraffic(int socketsPerSide, bool pollReceive)
    {
        _poll = pollReceive;
        _callerSockets = Enumerable.Range(0, socketsPerSide).Select(_ => Bound()).ToArray();
        _calleeSockets = Enumerable.Range(0, socketsPerSide).Select(_ => Bound()).ToArray();
    }

    public IPEndPoint[] CallerEndPoints => _callerSockets.Select(s => (IPEndPoint)s.LocalEndPoint!).ToArray();

    public IPEndPoint[] CalleeEndPoints => _calleeSockets.Select(s => (IPEndPoint)s.LocalEndPoint!).ToArray();

    public long Strays => Interlocked.Read(ref _strays);

    /// <summary>Starts sending on every stream now; the window opens after <paramref name="warmup"/>.</summary>
    public void Start(RtpStream[] callerStreams, RtpStream[] calleeStreams, TimeSpan warmup, TimeSpan window)
    {
        _callerStreams = callerStreams;
        _calleeStreams = calleeStreams;
        _receipts = new StreamReceipt[callerStreams.Length + calleeStreams.Length];
        for (int i = 0; i < _receipts.Length; i++)
        {
            _receipts[i] = new StreamReceipt();
        }

        long now = Stopwatch.GetTimestamp();
        _windowStart = now + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        _windowEnd = _windowStart + (long)(window.TotalSeconds * Stopwatch.Frequency);
        if (_poll)
        {
            var histogram = new TransitHistogram();
            _histograms.Add(histogram);
            Spawn(() => Poll([.. _callerSockets, .. _calleeSockets], histogram), "rtp-rx-poll");
        }
        else
        {
            foreach (var s in _callerSockets.Concat(_calleeSockets))
            {
                var histogram = new TransitHistogram();
                _histograms.Add(histogram);
                Spawn(() => Receive(s, histogram), "rtp-rx");
            }
        }

        Spawn(() => Send(_callerSockets, _callerStreams, now), "rtp-tx-a");
        Spawn(() => Send(_calleeSockets, _calleeStreams, now + _period / 2), "rtp-tx-b");
    }

    public DateTime WindowStartUtc => DateTime.UtcNow + TimeSpan.FromSeconds((double)(_windowStart - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);

    public DateTime WindowEndUtc => DateTime.UtcNow + TimeSpan.FromSeconds((double)(_windowEnd - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);

    /// <summary>Stops sending, lets the last packets arrive and returns the totals.</summary>
    public TrafficResult Finish()
    {
        // The senders stop by themselves 200 ms after the window; give the last packets time to come back.
        Thread.Sleep(700);
        _stop = true;
        foreach (var t in _threads)
        {
            t.Join(2000);
        }

        var all = new TransitHistogram();
        foreach (var h in _histograms)
        {
            all.Merge(h);
        }

        long sent = _callerStreams.Sum(s => s.SentInWindow) + _calleeStreams.Sum(s => s.SentInWindow);
        long received = _receipts.Sum(r => r.ReceivedInWindow);
        var jitters = _receipts.Where(r => r.HasPrevious).Select(r => r.Jitter / 1_000_000.0).OrderBy(j => j).ToArray();
        double seconds = (double)(_windowEnd - _windowStart) / Stopwatch.Frequency;
        return new TrafficResult(sent, received, seconds, all,
            jitters.Length == 0 ? 0 : jitters.Average(), jitters.Length == 0 ? 0 : jitters[^1]);
    }

    private void Spawn(ThreadStart body, string name)
    {
        var t = new Thread(body) { IsBackground = true, Name = name, Priority = ThreadPriority.AboveNormal };
        _threads.Add(t);
        t.Start();
    }

    /// <summary>Where a packet carries its CLOCK_REALTIME send time (restamped as its batch is handed to the kernel).</summary>
    private const int SendStampOffset = 24;

    private void Send(Socket[] sockets, RtpStream[] streams, long t0)
    {
        if (streams.Length == 0)
        {
            return;
        }

        // One sendmmsg batch per socket, flushed when full and whenever the sender goes to sleep.
        // Small send batches: a sendmmsg call delivers its packets one after another (on loopback each into the PBX's
        // socket), so the last of a batch leaves later than the stamp written for the batch.
        var batches = sockets.Select(_ => new Mmsg(16)).ToArray();
        var fds = sockets.Select(s => (int)s.SafeHandle.DangerousGetHandle()).ToArray();
        var addresses = streams.Select(s =>
        {
            var a = s.Target.Serialize();
            return a.Buffer.Span[..a.Size].ToArray();
        }).ToArray();
        long slot = _period / streams.Length;
        long stopAt = _windowEnd + Stopwatch.Frequency / 5;
        long round = 0;
        int p = 0;
        try
        {
            while (!_stop)
            {
                long due = t0 + (round * _period) + (p * slot);
                long now = Stopwatch.GetTimestamp();
                if (now >= stopAt)
                {
                    return;
                }

                if (due > now)
                {
                    Flush(batches, fds);

                    // Sleep in 1 ms steps (the send time is stamped into each packet, so a late send is not the PBX's jitter).
                    Thread.Sleep(1);
                    continue;
                }

                var stream = streams[p];
                var batch = batches[stream.Socket];
                int i = batch.Count;
                var packet = batch.Packet(i)[..PacketSize];
                stream.Sequence++;
                packet[0] = 0x80;
                packet[1] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(packet[2..], stream.Sequence);
                BinaryPrimitives.WriteUInt32BigEndian(packet[4..], (uint)(round * 160));
                BinaryPrimitives.WriteUInt32BigEndian(packet[8..], (uint)(stream.Id + 1));
                packet[32..].Fill(0xFF);
                BinaryPrimitives.WriteInt32LittleEndian(packet[20..], stream.Id);
                long sendTime = Stopwatch.GetTimestamp();
                BinaryPrimitives.WriteInt64LittleEndian(packet[12..], sendTime);
                batch.SetSend(i, PacketSize, addresses[p]);
                batch.Count = i + 1;
                if (sendTime >= _windowStart && sendTime < _windowEnd)
                {
                    stream.SentInWindow++;
                }

                if (batch.Count == batch.Capacity)
                {
                    batch.Send(fds[stream.Socket], SendStampOffset);
                }

                if (++p == streams.Length)
                {
                    p = 0;
                    round++;
                }
            }
        }
        finally
        {
            Flush(batches, fds);
            foreach (var b in batches)
            {
                b.Dispose();
            }
        }
    }

    private static void Flush(Mmsg[] batches, int[] fds)
    {
        for (int k = 0; k < batches.Length; k++)
        {
            if (batches[k].Count > 0)
            {
                batches[k].Send(fds[k], SendStampOffset);
            }
        }
    }

    private void Receive(Socket socket, TransitHistogram histogram)
    {
        using var batch = new Mmsg(64);
        socket.ReceiveTimeout = 200;
        int fd = (int)socket.SafeHandle.DangerousGetHandle();
        while (!_stop)
        {
            int n = batch.Receive(fd);
            for (int i = 0; i < n; i++)
            {
                Account(batch.Packet(i)[..batch.ReceivedLength(i)], batch.ArrivalNanoseconds(i), histogram);
            }
        }
    }

    private void Poll(Socket[] sockets, TransitHistogram histogram)
    {
        using var batch = new Mmsg(64);
        var fds = sockets.Select(s => (int)s.SafeHandle.DangerousGetHandle()).ToArray();
        while (!_stop)
        {
            bool any = false;
            foreach (int fd in fds)
            {
                int n;
                while ((n = batch.Receive(fd, dontWait: true)) > 0)
                {
                    any = true;
                    for (int i = 0; i < n; i++)
                    {
                        Account(batch.Packet(i)[..batch.ReceivedLength(i)], batch.ArrivalNanoseconds(i), histogram);
                    }
                }
            }

            if (!any)
            {
                Thread.Sleep(1);
            }
        }
    }

    private void Account(ReadOnlySpan<byte> packet, long arrivalNs, TransitHistogram histogram)
    {
        if (packet.Length < 32)
        {
            Interlocked.Increment(ref _strays);
            return;
        }

        long sent = BinaryPrimitives.ReadInt64LittleEndian(packet[12..]);
        long sentNs = BinaryPrimitives.ReadInt64LittleEndian(packet[24..]);
        int id = BinaryPrimitives.ReadInt32LittleEndian(packet[20..]);
        if ((uint)id >= (uint)_receipts.Length)
        {
            Interlocked.Increment(ref _strays);
            return;
        }

        if (sent < _windowStart || sent >= _windowEnd)
        {
            return;
        }

        var r = _receipts[id];
        r.ReceivedInWindow++;
        histogram.Add((arrivalNs - sentNs) / 1000.0);
        if (r.HasPrevious)
        {
            double d = Math.Abs((double)(arrivalNs - r.PreviousArrival) - (sentNs - r.PreviousSend));
            r.Jitter += (d - r.Jitter) / 16;
        }

        r.HasPrevious = true;
        r.PreviousArrival = arrivalNs;
        r.PreviousSend = sentNs;
    }

    private static Socket Bound()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.ReceiveBufferSize = 4 << 20;
        s.SendBufferSize = 4 << 20;
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Mmsg.EnableTimestamps((int)s.SafeHandle.DangerousGetHandle());
        return s;
    }

    public void Dispose()
    {
        _stop = true;
        foreach (var s in _callerSockets.Concat(_calleeSockets))
        {
            s.Dispose();
        }
    }
}
