using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Relay;

namespace Switchboard.Media.Tests.Support;

/// <summary>Collects RTP sent by players, with the fake time at which each packet left.</summary>
internal sealed class FakeRtpSender(FakeTimeProvider? time = null) : IRtpSender
{
    private readonly Lock _gate = new();

    public List<(byte[] Data, TimeSpan At)> Packets { get; } = [];

    public bool SendRtp(Span<byte> packet)
    {
        lock (_gate)
        {
            Packets.Add((packet.ToArray(), time is null ? TimeSpan.Zero : time.GetUtcNow() - Start));
        }

        return true;
    }

    public DateTimeOffset Start { get; set; } = time?.GetUtcNow() ?? default;

    public List<RtpPacketInfo> Parsed()
    {
        lock (_gate)
        {
            return Packets.ConvertAll(p => RtpBuilder.Read(p.Data));
        }
    }
}
