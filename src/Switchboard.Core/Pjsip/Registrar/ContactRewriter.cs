using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Uris;
using Switchboard.Transport;

namespace Switchboard.Core.Pjsip.Registrar;

/// <summary>
/// rewrite_contact: replaces the host and port of a Contact URI with the address the REGISTER came from (NAT),
/// keeping scheme, user and parameters, as res_pjsip_nat does.
/// </summary>
public static class ContactRewriter
{
    public static string Rewrite(string contactUri, IPEndPoint source, TransportProtocol protocol)
    {
        if (!SipUri.TryParse(Encoding.UTF8.GetBytes(contactUri), out var uri) || !uri.IsSip)
        {
            return contactUri;
        }

        var sb = new StringBuilder();
        sb.Append(Encoding.ASCII.GetString(uri.SchemeBytes.Span)).Append(':');
        if (!uri.User.IsEmpty)
        {
            sb.Append(Encoding.UTF8.GetString(uri.User.Span));
            if (uri.HasPassword)
            {
                sb.Append(':').Append(Encoding.UTF8.GetString(uri.Password.Span));
            }

            sb.Append('@');
        }

        var addr = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        sb.Append(addr.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + addr + "]" : addr.ToString());
        sb.Append(':').Append(source.Port);
        var parameters = Encoding.UTF8.GetString(uri.Parameters.Span);
        if (protocol != TransportProtocol.Udp && !parameters.Contains("transport=", StringComparison.OrdinalIgnoreCase))
        {
            parameters += ";transport=" + protocol.ToString().ToLowerInvariant();
        }

        if (parameters.Length > 0)
        {
            sb.Append(parameters.StartsWith(';') ? parameters : ";" + parameters);
        }

        if (!uri.Headers.IsEmpty)
        {
            sb.Append('?').Append(Encoding.UTF8.GetString(uri.Headers.Span));
        }

        return sb.ToString();
    }
}
