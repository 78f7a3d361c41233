using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>Writes a Via value with <c>received</c> and <c>rport</c> filled in (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
public static class SipViaWriter
{
    /// <summary>
    /// Writes <paramref name="via"/> as a value, adding <c>received=</c> when the sent-by host differs from
    /// <paramref name="remoteAddress"/> or rport was requested, and filling an empty <c>rport</c> with
    /// <paramref name="remotePort"/>. Without a remote address the value is copied unchanged.
    /// </summary>
    public static void WriteValue(SipMessageWriter writer, in SipVia via, ReadOnlySpan<byte> remoteAddress, int remotePort)
    {
        if (remoteAddress.IsEmpty)
        {
            writer.WriteRaw(via.Raw.Span);
            return;
        }

        bool fillRport = via.HasRport && via.Rport < 0 && remotePort > 0;
        bool addReceived = via.Received.IsEmpty && (fillRport || !SameHost(via.Host.Span, remoteAddress));
        if (!fillRport && !addReceived)
        {
            writer.WriteRaw(via.Raw.Span);
            return;
        }

        ReadOnlySpan<byte> raw = via.Raw.Span;
        // Raw is trimmed, so without parameters the whole value is "proto host:port"
        int paramsOffset = via.Parameters.Length > 0 ? OffsetOf(via.Raw, via.Parameters) : raw.Length;
        writer.WriteRaw(raw[..paramsOffset]);
        ReadOnlySpan<byte> ps = via.Parameters.Span;
        int pos = 0;
        while (true)
        {
            int before = pos;
            if (!SipParameters.TryReadNext(ps, ref pos, out int ns, out int nl, out _, out _))
            {
                break;
            }

            if (fillRport && SipAscii.EqualsIgnoreCase(ps.Slice(ns, nl), "rport"u8))
            {
                continue;
            }

            writer.WriteRaw(ps[before..pos]);
        }

        if (addReceived)
        {
            writer.WriteRaw(";received="u8);
            writer.WriteRaw(remoteAddress);
        }

        if (fillRport)
        {
            writer.WriteRaw(";rport="u8);
            writer.WriteNumber(remotePort);
        }
    }

    private static int OffsetOf(ReadOnlyMemory<byte> outer, ReadOnlyMemory<byte> inner)
    {
        ReadOnlySpan<byte> o = outer.Span;
        ReadOnlySpan<byte> i = inner.Span;
        if (i.IsEmpty)
        {
            return o.Length;
        }

        return (int)(System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(o),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(i)));
    }

    private static bool SameHost(ReadOnlySpan<byte> host, ReadOnlySpan<byte> address)
    {
        if (host.Length > 2 && host[0] == '[')
        {
            host = host[1..^1];
        }

        return SipAscii.EqualsIgnoreCase(host, address);
    }
}
