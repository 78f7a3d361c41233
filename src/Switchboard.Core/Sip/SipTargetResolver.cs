using System.Net;
using System.Text;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Sip;

/// <summary>
/// Turns a SIP URI into the peer to send to (RFC 3263 in its simple form: the transport parameter, the host's
/// address records, port 5060/5061). IP literals resolve without I/O.
/// </summary>
public static class SipTargetResolver
{
    public static async ValueTask<SipPeer?> ResolveAsync(string uri, string? transportName = null, CancellationToken ct = default)
    {
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(uri), out var parsed) || !parsed.IsSip)
        {
            return null;
        }

        var protocol = Protocol(parsed);
        var host = Encoding.UTF8.GetString(parsed.Host.Span).Trim('[', ']');
        int port = parsed.Port > 0 ? parsed.Port : protocol == SipTransportProtocol.Tls ? 5061 : 5060;
        if (!IPAddress.TryParse(host, out var address))
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
                address = Array.Find(addresses, a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            }
            catch (System.Net.Sockets.SocketException)
            {
                return null;
            }

            if (address is null)
            {
                return null;
            }
        }

        return new SipPeer(protocol, new IPEndPoint(address, port), transportName);
    }

    public static SipTransportProtocol Protocol(in SipUri uri)
    {
        if (uri.TryGetParameter("transport"u8, out var t))
        {
            var s = Encoding.ASCII.GetString(t.Span).ToLowerInvariant();
            return s switch
            {
                "tcp" => uri.Scheme == SipUriScheme.Sips ? SipTransportProtocol.Tls : SipTransportProtocol.Tcp,
                "tls" => SipTransportProtocol.Tls,
                "ws" => SipTransportProtocol.Ws,
                "wss" => SipTransportProtocol.Wss,
                _ => SipTransportProtocol.Udp,
            };
        }

        return uri.Scheme == SipUriScheme.Sips ? SipTransportProtocol.Tls : SipTransportProtocol.Udp;
    }
}
