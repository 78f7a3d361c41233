using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// A zero-copy view of an RTP packet (RFC 3550 §5.1) over a received buffer. Validates version 2, the CSRC list,
/// the header extension and padding; <see cref="Payload"/> excludes all of them.
/// </summary>
public readonly ref struct RtpPacket
{
    public const int FixedHeaderLength = 12;

    private readonly ReadOnlySpan<byte> _data;

    private RtpPacket(ReadOnlySpan<byte> data, int headerLength, int payloadLength)
    {
        _data = data;
        HeaderLength = headerLength;
        PayloadLength = payloadLength;
    }

    public int Version => _data[0] >> 6;

    public bool Padding => (_data[0] & 0x20) != 0;

    public bool HasExtension => (_data[0] & 0x10) != 0;

    public int CsrcCount => _data[0] & 0x0F;

    public bool Marker => (_data[1] & 0x80) != 0;

    public int PayloadType => _data[1] & 0x7F;

    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_data[2..]);

    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_data[4..]);

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_data[8..]);

    /// <summary>Fixed header + CSRC list + extension.</summary>
    public int HeaderLength { get; }

    public int PayloadLength { get; }

    public ReadOnlySpan<byte> Payload => _data.Slice(HeaderLength, PayloadLength);

    /// <summary>The whole datagram.</summary>
    public ReadOnlySpan<byte> Data => _data;

    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_data[(FixedHeaderLength + (index * 4))..]);
    }

    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet, out RtpParseError error)
    {
        packet = default;
        if (data.Length < FixedHeaderLength)
        {
            error = RtpParseError.TooShort;
            return false;
        }

        if (data[0] >> 6 != 2)
        {
            error = RtpParseError.BadVersion;
            return false;
        }

        if (RtcpPacket.IsRtcp(data))
        {
            error = RtpParseError.LooksLikeRtcp;
            return false;
        }

        int header = FixedHeaderLength + ((data[0] & 0x0F) * 4);
        if (data.Length < header)
        {
            error = RtpParseError.TruncatedCsrcList;
            return false;
        }

        if ((data[0] & 0x10) != 0)
        {
            if (data.Length < header + 4)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }

            int words = BinaryPrimitives.ReadUInt16BigEndian(data[(header + 2)..]);
            header += 4 + (words * 4);
            if (data.Length < header)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }
        }

        int payload = data.Length - header;
        if ((data[0] & 0x20) != 0)
        {
            int pad = data[^1];
            if (pad == 0 || pad > payload)
            {
                error = RtpParseError.BadPadding;
                return false;
            }

            payload -= pad;
        }

        packet = new RtpPacket(data, header, payload);
        error = RtpParseError.None;
        return true;
    }
}
