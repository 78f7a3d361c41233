using System.Buffers.Binary;

namespace Switchboard.Media.Tests.Support;

/// <summary>Reads the UDP payloads of a classic libpcap file (Ethernet, IPv4) — enough for SIPp's sample captures.</summary>
internal static class PcapFile
{
    public sealed record UdpDatagram(int SourcePort, int DestinationPort, byte[] Payload, double Time);

    public static List<UdpDatagram> ReadUdp(string path)
    {
        var data = File.ReadAllBytes(path);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        bool swapped = magic is 0xd4c3b2a1 or 0x4d3cb2a1;
        bool nanos = magic is 0xa1b23c4d or 0x4d3cb2a1;
        uint U32(int offset) => swapped ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
        uint linkType = U32(20);
        Assert.Equal(1u, linkType);
        var list = new List<UdpDatagram>();
        int pos = 24;
        while (pos + 16 <= data.Length)
        {
            double time = U32(pos) + (U32(pos + 4) / (nanos ? 1e9 : 1e6));
            int captured = (int)U32(pos + 8);
            var frame = data.AsSpan(pos + 16, captured);
            pos += 16 + captured;
            if (frame.Length < 14 + 20 || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
            {
                continue;
            }

            var ip = frame[14..];
            int ihl = (ip[0] & 0x0F) * 4;
            if (ip[9] != 17)
            {
                continue;
            }

            var udp = ip[ihl..];
            int length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            list.Add(new UdpDatagram(
                BinaryPrimitives.ReadUInt16BigEndian(udp),
                BinaryPrimitives.ReadUInt16BigEndian(udp[2..]),
                udp[8..length].ToArray(),
                time));
        }

        return list;
    }
}
