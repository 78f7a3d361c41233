using System.Diagnostics.CodeAnalysis;
using System.Net;
using Switchboard.Common.Media;

namespace Switchboard.Media.Relay;

/// <summary>
/// Hands out RTP port pairs from rtp.conf's range (rtpstart..rtpend, Asterisk's defaults 5000..31000): RTP on an
/// even port, RTCP on the next. Like Asterisk it starts at a random even port and moves on by two for each
/// allocation, wrapping at the end; ports it has handed out are skipped, and so are ports another process holds
/// (the bind fails). Thread-safe; allocation happens at call setup, not per packet.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly Lock _gate = new();
    private readonly int _first;
    private readonly int _pairs;
    private readonly bool[] _inUse;
    private int _next;
    private int _count;

    /// <param name="rtpStart">rtp.conf rtpstart (rounded up to even).</param>
    /// <param name="rtpEnd">rtp.conf rtpend (inclusive; the last pair must fit, so its RTCP port is at most rtpEnd).</param>
    /// <param name="random">Chooses the first port; null starts at <paramref name="rtpStart"/>.</param>
    public RtpPortAllocator(int rtpStart = 5000, int rtpEnd = 31000, Random? random = null)
    {
        int first = (rtpStart + 1) & ~1;
        if (first < 1 || rtpEnd > 65535 || rtpEnd < first + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rtpEnd), $"rtpstart={rtpStart} rtpend={rtpEnd} leaves no even/odd port pair");
        }

        _first = first;
        _pairs = ((rtpEnd - first + 1) / 2);
        _inUse = new bool[_pairs];
        _next = random is null ? 0 : random.Next(_pairs);
    }

    public int RtpStart => _first;

    /// <summary>Last usable RTCP port.</summary>
    public int RtpEnd => _first + (_pairs * 2) - 1;

    public int Capacity => _pairs;

    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Binds the next free pair on <paramref name="address"/>. Tries each pair of the range at most once; false
    /// with a reason when the range is exhausted or nothing could be bound.
    /// </summary>
    public bool TryAllocate(IRtpSocketFactory factory, IPAddress address, [NotNullWhen(true)] out IRtpSocket? socket, out string? error)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(address);
        socket = null;
        error = null;
        for (int attempt = 0; attempt < _pairs; attempt++)
        {
            int index;
            lock (_gate)
            {
                if (_count >= _pairs)
                {
                    error = $"no free RTP port pair in {_first}-{RtpEnd}";
                    return false;
                }

                index = _next;
                _next = (_next + 1) % _pairs;
                if (_inUse[index])
                {
                    continue;
                }

                _inUse[index] = true;
                _count++;
            }

            int port = _first + (index * 2);
            if (factory.TryBind(address, port, out socket, out error))
            {
                return true;
            }

            Release(port);
        }

        error = $"could not bind any RTP port pair in {_first}-{RtpEnd}: {error}";
        return false;
    }

    /// <summary>Returns a pair (its RTP port) to the pool. Unknown ports are ignored.</summary>
    public void Release(int rtpPort)
    {
        int index = (rtpPort - _first) / 2;
        if (rtpPort < _first || (rtpPort & 1) != 0 || index >= _pairs)
        {
            return;
        }

        lock (_gate)
        {
            if (_inUse[index])
            {
                _inUse[index] = false;
                _count--;
            }
        }
    }
}
