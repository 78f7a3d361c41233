using Switchboard.Common.Media;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Relay;

/// <summary>
/// One direction of a relay (packets accepted on one leg, sent out of the other). A payload whose codec the
/// target leg also negotiated is forwarded as is — at most the payload type byte is rewritten — so same-codec
/// calls never decode. Otherwise the payload is transcoded to the target's primary codec into a buffer owned by
/// this forwarder (µ-law ↔ A-law by table; others through PCM). telephone-event is forwarded with the target's
/// payload type, or dropped when the target did not negotiate it (it has already been reported to the DTMF
/// listener). Used only from the source leg's receive thread; no allocation per packet.
/// </summary>
/// <remarks>
/// Native codec state is released by the codecs' finalizers once a replaced forwarder is unreachable, not by
/// Dispose: a receive thread may still be inside <see cref="Forward"/> when the call is re-negotiated or ends.
/// </remarks>
internal sealed class RtpForwarder
{
    private const int MaxPacket = 1500;

    private readonly RtpLeg _to;
    private readonly RtpLegMedia _fromMedia;
    private readonly RtpLegMedia _toMedia;
    private readonly TranscodingPathBuilder? _paths;
    private const short Drop = -2;
    private const short Transcode = -1;

    private readonly byte[] _scratch = new byte[MaxPacket];
    private readonly short[] _map = new short[128];
    private ITranscoder? _transcoder;
    private string? _transcoderFrom;
    private bool _haveTimestamps;
    private uint _lastInTimestamp;
    private uint _outTimestamp;
    private ushort _outSeq;

    public RtpForwarder(RtpLeg to, RtpLegMedia fromMedia, RtpLegMedia toMedia, TranscodingPathBuilder? paths)
    {
        _to = to;
        _fromMedia = fromMedia;
        _toMedia = toMedia;
        _paths = paths;

        // Per incoming payload type: the outgoing payload type (same codec on both legs), Transcode, or Drop.
        Array.Fill(_map, Drop);
        foreach (var codec in fromMedia.Codecs)
        {
            _map[codec.PayloadType] = toMedia.FindByName(codec.Name) is { } same ? (short)same.OutgoingPayloadType : Transcode;
        }

        if (fromMedia.HasTelephoneEvent)
        {
            _map[fromMedia.TelephoneEventPayloadType] = toMedia.HasTelephoneEvent ? (short)toMedia.TelephoneEventSendPayloadType : Drop;
        }

        IsVerbatim = true;
        for (int pt = 0; pt < _map.Length; pt++)
        {
            if (_map[pt] != Drop && _map[pt] != pt)
            {
                IsVerbatim = false;
            }
        }

        // A payload type the target did not negotiate (telephone-event it lacks) is dropped here; the kernel would pass it.
        IsVerbatim &= !fromMedia.HasTelephoneEvent || _map[fromMedia.TelephoneEventPayloadType] != Drop;
    }

    /// <summary>
    /// True when every payload type this direction accepts leaves with the same number and nothing is transcoded: the
    /// packets could pass unchanged (kernel forwarding). Payload types the source leg did not negotiate are dropped
    /// here and would pass in the kernel; they are not media either leg understands.
    /// </summary>
    public bool IsVerbatim { get; }

    public long Forwarded { get; private set; }

    public long Transcoded { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>The transcoding path in use, if any (for "core show channels"-style output).</summary>
    public string? TranscodingPath => _transcoder?.Path;

    /// <summary>Forwards one accepted packet; <paramref name="now"/> is its receive time (TimeProvider timestamp).</summary>
    public void Forward(Span<byte> data, RtpPacket packet, long now)
    {
        int pt = packet.PayloadType;
        int mapped = _map[pt];
        if (mapped >= 0)
        {
            Send(data, mapped, pt, now);
            return;
        }

        if (mapped == Transcode && _fromMedia.FindByPayloadType(pt) is { } codec)
        {
            TranscodeAndSend(packet, codec);
            return;
        }

        // telephone-event the target did not negotiate (already reported to the DTMF listener), or a payload type
        // the source leg did not negotiate (comfort noise, garbage): not forwarded.
        Dropped++;
    }

    /// <summary>Adds this forwarder, its payload type map and what sending on the target leg touches.</summary>
    public void CollectPrefetch(ref RtpPrefetchList list)
    {
        list.Add(this);
        list.Add(_map);
        _to.CollectSendPrefetch(ref list);
    }

    private void Send(Span<byte> data, int outPayloadType, int inPayloadType, long now)
    {
        if (outPayloadType != inPayloadType)
        {
            RtpHeader.SetPayloadType(data, outPayloadType);
        }

        if (_to.SendRtp(data, now))
        {
            Forwarded++;
        }
    }

    private void TranscodeAndSend(RtpPacket packet, RtpCodecBinding codec)
    {
        if (_transcoder is null || !string.Equals(_transcoderFrom, codec.Name, StringComparison.Ordinal))
        {
            // Built once per codec pair (a codec switch mid-call is rare); never per packet.
            _transcoder?.Dispose();
            _transcoder = null;
            _transcoderFrom = codec.Name;
            if (_paths is null || !_paths.TryBuild(codec.Name, _toMedia.Primary.Name, out _transcoder, out _))
            {
                Dropped++;
                return;
            }

            _haveTimestamps = false;
        }

        var target = _toMedia.Primary;
        if (!_haveTimestamps)
        {
            _haveTimestamps = true;
            _lastInTimestamp = packet.Timestamp;
            _outTimestamp = (uint)((ulong)packet.Timestamp * (ulong)target.ClockRate / (ulong)codec.ClockRate);
            _outSeq = packet.SequenceNumber;
        }
        else
        {
            int delta = RtpSequence.TimestampDelta(packet.Timestamp, _lastInTimestamp);
            _lastInTimestamp = packet.Timestamp;
            _outTimestamp += (uint)((long)delta * target.ClockRate / codec.ClockRate);
        }

        var output = _scratch.AsSpan();
        if (!_transcoder.TryTranscode(packet.Payload, output[RtpPacket.FixedHeaderLength..], out int written))
        {
            Dropped++;
            return;
        }

        if (written == 0)
        {
            return;
        }

        RtpHeader.Write(output, target.OutgoingPayloadType, packet.Marker, _outSeq++, _outTimestamp, packet.Ssrc);
        if (_to.SendRtp(output[..(RtpPacket.FixedHeaderLength + written)]))
        {
            Transcoded++;
        }
    }
}
