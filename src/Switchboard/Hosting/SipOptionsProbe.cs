using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Hosting;

/// <summary>
/// The health check's real probe: sends a SIP OPTIONS to the PBX over loopback (UDP or TCP) and
/// waits for a response with the same Call-ID. Any final or provisional response proves that the
/// transport, the parser and the transaction layer answer; the status code does not matter.
/// </summary>
internal static class SipOptionsProbe
{
    public static async Task<HealthProbeResult> ProbeAsync(IPEndPoint target, ProtocolType protocol, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        string callId = "hc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string transport = protocol == ProtocolType.Tcp ? "TCP" : "UDP";
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return protocol == ProtocolType.Tcp
                ? await ProbeTcpAsync(target, callId, limit.Token).ConfigureAwait(false)
                : await ProbeUdpAsync(target, callId, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthProbeResult(false, null, $"no SIP answer to OPTIONS over {transport} from {target} within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException ex)
        {
            return new HealthProbeResult(false, null, $"OPTIONS over {transport} to {target} failed: {ex.SocketErrorCode} ({ex.Message})");
        }
    }

    /// <summary>The OPTIONS request (RFC 3261 §11) sent from <paramref name="local"/>.</summary>
    internal static byte[] BuildRequest(IPEndPoint target, EndPoint local, string transport, string callId)
    {
        string host = FormatHost(target.Address);
        string localText = local is IPEndPoint ip ? $"{FormatHost(ip.Address)}:{ip.Port}" : "127.0.0.1";
        string branch = "z9hG4bK" + callId;
        var request = new StringBuilder(512);
        IFormatProvider inv = CultureInfo.InvariantCulture;
        request.Append(inv, $"OPTIONS sip:{host}:{target.Port} SIP/2.0\r\n")
            .Append(inv, $"Via: SIP/2.0/{transport} {localText};branch={branch};rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append(inv, $"From: <sip:healthcheck@{host}>;tag={callId}\r\n")
            .Append(inv, $"To: <sip:{host}:{target.Port}>\r\n")
            .Append(inv, $"Call-ID: {callId}\r\n")
            .Append("CSeq: 1 OPTIONS\r\n")
            .Append(inv, $"Contact: <sip:healthcheck@{localText};transport={transport.ToLowerInvariant()}>\r\n")
            .Append("Accept: application/sdp\r\n")
            .Append("User-Agent: switchboard-healthcheck\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        return Encoding.ASCII.GetBytes(request.ToString());
    }

    /// <summary>The status line when <paramref name="response"/> is a SIP response carrying <paramref name="callId"/>.</summary>
    internal static string? MatchResponse(ReadOnlySpan<byte> response, string callId)
    {
        string text = Encoding.ASCII.GetString(response);
        if (!text.StartsWith("SIP/2.0 ", StringComparison.Ordinal) || !text.Contains(callId, StringComparison.Ordinal))
        {
            return null;
        }

        int end = text.IndexOf('\r', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static async Task<HealthProbeResult> ProbeUdpAsync(IPEndPoint target, string callId, CancellationToken cancellationToken)
    {
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        byte[] request = BuildRequest(target, socket.LocalEndPoint!, "UDP", callId);
        byte[] buffer = new byte[65535];
        EndPoint any = new IPEndPoint(target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);

        // Retransmit like a SIP client (T1 = 500 ms, doubling) until the deadline.
        TimeSpan wait = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            await socket.SendToAsync(request, SocketFlags.None, target, cancellationToken).ConfigureAwait(false);
            using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            round.CancelAfter(wait);
            try
            {
                while (true)
                {
                    SocketReceiveFromResult received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, round.Token).ConfigureAwait(false);
                    if (MatchResponse(buffer.AsSpan(0, received.ReceivedBytes), callId) is { } status)
                    {
                        return new HealthProbeResult(true, status, $"{status} from {target} over UDP");
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                wait += wait;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                return new HealthProbeResult(false, null, $"nothing listens on UDP {target} (ICMP port unreachable)");
            }
        }
    }

    private static async Task<HealthProbeResult> ProbeTcpAsync(IPEndPoint target, string callId, CancellationToken cancellationToken)
    {
        using var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        byte[] request = BuildRequest(target, socket.LocalEndPoint!, "TCP", callId);
        await socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        byte[] buffer = new byte[65535];
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new HealthProbeResult(false, null, $"TCP {target} closed the connection without answering OPTIONS");
            }

            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0)
            {
                if (MatchResponse(buffer.AsSpan(0, filled), callId) is { } status)
                {
                    return new HealthProbeResult(true, status, $"{status} from {target} over TCP");
                }

                return new HealthProbeResult(false, null, $"TCP {target} answered something that is not a SIP response to the probe");
            }
        }

        return new HealthProbeResult(false, null, $"TCP {target} sent 64 KiB without a complete SIP header");
    }

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
