using System.Buffers;
using System.Globalization;
using System.Text;

namespace Switchboard.Sdp.Writing;

/// <summary>
/// Writes a <see cref="SessionDescription"/> with CRLF line ends in RFC 8866 order
/// (v o s i u e p c b t r z k a, then each m= section: m i c b k a). Within a media section the typed attributes
/// come first: rtpmap/fmtp per payload type in format order, ptime, maxptime, rtcp, then generic attributes and
/// the direction last (as Asterisk writes them).
/// </summary>
public static class SdpWriter
{
    public static string ToText(SessionDescription sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        var sb = new StringBuilder(512);
        WriteSession(sb, sdp);
        return sb.ToString();
    }

    public static byte[] ToBytes(SessionDescription sdp) => Encoding.UTF8.GetBytes(ToText(sdp));

    /// <summary>Writes the body into <paramref name="output"/> and returns the number of bytes written.</summary>
    public static int Write(SessionDescription sdp, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string text = ToText(sdp);
        int count = Encoding.UTF8.GetByteCount(text);
        var span = output.GetSpan(count);
        int written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
        return written;
    }

    private static void WriteSession(StringBuilder sb, SessionDescription sdp)
    {
        Line(sb, 'v', sdp.Version.ToString(CultureInfo.InvariantCulture));
        var o = sdp.Origin;
        Line(sb, 'o', $"{o.Username} {o.SessionId} {o.SessionVersion.ToString(CultureInfo.InvariantCulture)} {o.NetworkType} {o.AddressType} {o.Address}");
        Line(sb, 's', string.IsNullOrEmpty(sdp.SessionName) ? "-" : sdp.SessionName);
        Optional(sb, 'i', sdp.Information);
        Optional(sb, 'u', sdp.Uri);
        foreach (var e in sdp.Emails)
        {
            Line(sb, 'e', e);
        }

        foreach (var p in sdp.Phones)
        {
            Line(sb, 'p', p);
        }

        if (sdp.Connection is not null)
        {
            Line(sb, 'c', FormatConnection(sdp.Connection));
        }

        foreach (var b in sdp.Bandwidths)
        {
            Line(sb, 'b', FormatBandwidth(b));
        }

        if (sdp.Timings.Count == 0)
        {
            Line(sb, 't', "0 0");
        }

        foreach (var t in sdp.Timings)
        {
            Line(sb, 't', $"{t.Start.ToString(CultureInfo.InvariantCulture)} {t.Stop.ToString(CultureInfo.InvariantCulture)}");
            foreach (var r in t.Repeats)
            {
                Line(sb, 'r', r);
            }
        }

        Optional(sb, 'z', sdp.TimeZones);
        Optional(sb, 'k', sdp.EncryptionKey);
        foreach (var a in sdp.Attributes)
        {
            Line(sb, 'a', a.ToString());
        }

        if (sdp.Direction is { } direction)
        {
            Line(sb, 'a', direction.ToAttributeName());
        }

        foreach (var m in sdp.Media)
        {
            WriteMedia(sb, m);
        }
    }

    private static void WriteMedia(StringBuilder sb, MediaDescription m)
    {
        sb.Append("m=").Append(m.Media).Append(' ').Append(m.Port.ToString(CultureInfo.InvariantCulture));
        if (m.PortCount is { } count)
        {
            sb.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(' ').Append(m.Protocol);
        foreach (var f in m.Formats)
        {
            sb.Append(' ').Append(f);
        }

        sb.Append("\r\n");
        Optional(sb, 'i', m.Title);
        if (m.Connection is not null)
        {
            Line(sb, 'c', FormatConnection(m.Connection));
        }

        foreach (var b in m.Bandwidths)
        {
            Line(sb, 'b', FormatBandwidth(b));
        }

        Optional(sb, 'k', m.EncryptionKey);
        WriteFormatAttributes(sb, m);
        if (m.Ptime is { } ptime)
        {
            Line(sb, 'a', "ptime:" + ptime.ToString(CultureInfo.InvariantCulture));
        }

        if (m.MaxPtime is { } maxptime)
        {
            Line(sb, 'a', "maxptime:" + maxptime.ToString(CultureInfo.InvariantCulture));
        }

        if (m.Rtcp is { } rtcp)
        {
            string value = "rtcp:" + rtcp.Port.ToString(CultureInfo.InvariantCulture);
            if (rtcp.Connection is not null)
            {
                value += " " + FormatConnection(rtcp.Connection);
            }

            Line(sb, 'a', value);
        }

        foreach (var a in m.Attributes)
        {
            Line(sb, 'a', a.ToString());
        }

        if (m.Direction is { } direction)
        {
            Line(sb, 'a', direction.ToAttributeName());
        }
    }

    private static void WriteFormatAttributes(StringBuilder sb, MediaDescription m)
    {
        // rtpmap + fmtp per payload type in m= order, then any whose payload type is not listed.
        var written = new HashSet<int>();
        foreach (int pt in m.PayloadTypes)
        {
            if (!written.Add(pt))
            {
                continue;
            }

            WriteFormat(sb, m, pt);
        }

        foreach (var map in m.RtpMaps)
        {
            if (written.Add(map.PayloadType))
            {
                WriteFormat(sb, m, map.PayloadType);
            }
        }

        foreach (var fmtp in m.FormatParameters)
        {
            if (written.Add(fmtp.PayloadType))
            {
                WriteFormat(sb, m, fmtp.PayloadType);
            }
        }
    }

    private static void WriteFormat(StringBuilder sb, MediaDescription m, int pt)
    {
        if (m.FindRtpMap(pt) is { } map)
        {
            Line(sb, 'a', "rtpmap:" + map);
        }

        if (m.FindFormatParameters(pt) is { } fmtp)
        {
            Line(sb, 'a', "fmtp:" + fmtp);
        }
    }

    private static string FormatConnection(SdpConnection c)
    {
        var sb = new StringBuilder();
        sb.Append(c.NetworkType).Append(' ').Append(c.AddressType).Append(' ').Append(c.Address);
        if (c.Ttl is { } ttl)
        {
            sb.Append('/').Append(ttl.ToString(CultureInfo.InvariantCulture));
        }

        if (c.AddressCount is { } count)
        {
            sb.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string FormatBandwidth(SdpBandwidth b) => b.Type + ":" + b.Value.ToString(CultureInfo.InvariantCulture);

    private static void Optional(StringBuilder sb, char type, string? value)
    {
        if (value is not null)
        {
            Line(sb, type, value);
        }
    }

    private static void Line(StringBuilder sb, char type, string value) =>
        sb.Append(type).Append('=').Append(value).Append("\r\n");
}
