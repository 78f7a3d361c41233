namespace Switchboard.Interop.Tests.Media;

/// <summary>One received RTP packet.</summary>
public sealed record RtpRecord(int PayloadType, bool Marker, ushort Sequence, uint Timestamp, uint Ssrc, byte[] Payload);
