using System.Net;
using System.Net.Sockets;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// A UDP socket on 127.0.0.1 (free port) that an SDP in a SIPp scenario points at: records every RTP packet the PBX
/// sends (payload type, sequence number, timestamp, payload) until disposed.
/// </summary>
public sealed class RtpReceiver : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<RtpRecord> _packets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RtpReceiver()
    {
        Port = ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    /// <summary>A snapshot of what arrived so far.</summary>
    public List<RtpRecord> Packets
    {
        get
        {
            lock (_packets)
            {
                return [.. _packets];
            }
        }
    }

    /// <summary>Audio packets (payload type <paramref name="payloadType"/>) in arrival order.</summary>
    public List<RtpRecord> Audio(int payloadType) => Packets.FindAll(p => p.PayloadType == payloadType);

    /// <summary>Waits until no packet arrived for <paramref name="quiet"/> (bounded by <paramref name="max"/>).</summary>
    public async Task WaitQuietAsync(TimeSpan quiet, TimeSpan max)
    {
        var deadline = DateTime.UtcNow + max;
        int last = -1;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(quiet);
            int now = Packets.Count;
            if (now == last && now > 0)
            {
                return;
            }

            last = now;
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var r = await _udp.ReceiveAsync(_stop.Token);
                var b = r.Buffer;
                if (b.Length < 12 || (b[0] >> 6) != 2)
                {
                    continue;
                }

                int cc = b[0] & 0x0F;
                int header = 12 + (cc * 4);
                if ((b[0] & 0x10) != 0 && b.Length >= header + 4)
                {
                    header += 4 + (((b[header + 2] << 8) | b[header + 3]) * 4);
                }

                if (header > b.Length)
                {
                    continue;
                }

                var record = new RtpRecord(
                    b[1] & 0x7F,
                    (b[1] & 0x80) != 0,
                    (ushort)((b[2] << 8) | b[3]),
                    (uint)((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]),
                    (uint)((b[8] << 24) | (b[9] << 16) | (b[10] << 8) | b[11]),
                    b[header..]);
                lock (_packets)
                {
                    _packets.Add(record);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
