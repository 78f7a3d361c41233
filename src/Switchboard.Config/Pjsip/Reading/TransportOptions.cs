using System.Net;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The transport options we read.</summary>
internal static class TransportOptions
{
    private static readonly Dictionary<string, TransportProtocol> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["udp"] = TransportProtocol.Udp, ["tcp"] = TransportProtocol.Tcp, ["tls"] = TransportProtocol.Tls,
        ["ws"] = TransportProtocol.Ws, ["wss"] = TransportProtocol.Wss,
    };

    private static readonly Dictionary<string, string> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = string.Empty, ["unspecified"] = string.Empty, ["tlsv1"] = "tlsv1", ["tlsv1_1"] = "tlsv1_1",
        ["tlsv1_2"] = "tlsv1_2", ["tlsv1_3"] = "tlsv1_3", ["sslv2"] = "sslv2", ["sslv3"] = "sslv3", ["sslv23"] = "sslv23",
    };

    public static OptionTable<PjsipTransport> Table { get; } = new OptionTable<PjsipTransport>()
        .Add("protocol", (o, e, r) => o with { Protocol = r.Choice(e, Protocols, o.Protocol) })
        .Add("bind", Bind)
        .Add("domain", (o, e, r) => o with { Domain = e.Value })
        .Add("external_signaling_address", (o, e, r) => o with { ExternalSignalingAddress = e.Value })
        .Add("external_signaling_port", (o, e, r) => o with { ExternalSignalingPort = r.UInt(e, o.ExternalSignalingPort, 65535) })
        .Add("external_media_address", (o, e, r) => o with { ExternalMediaAddress = e.Value })
        .Add("local_net", LocalNet)
        .Add("cert_file", (o, e, r) => o with { CertFile = e.Value })
        .Add("priv_key_file", (o, e, r) => o with { PrivKeyFile = e.Value })
        .Add("ca_list_file", (o, e, r) => o with { CaListFile = e.Value })
        .Add("ca_list_path", (o, e, r) => o with { CaListPath = e.Value })
        .Add("password", (o, e, r) => o with { Password = e.Value })
        .Add("method", (o, e, r) => o with { Method = r.Choice(e, Methods, o.Method) })
        .Add("cipher", (o, e, r) => o with { Cipher = e.Value })
        .Add("verify_client", (o, e, r) => o with { VerifyClient = r.Bool(e, o.VerifyClient) })
        .Add("verify_server", (o, e, r) => o with { VerifyServer = r.Bool(e, o.VerifyServer) })
        .Add("require_client_cert", (o, e, r) => o with { RequireClientCert = r.Bool(e, o.RequireClientCert) })
        .Add("tos", (o, e, r) => o with { Tos = r.TosValue(e, o.Tos) })
        .Add("cos", (o, e, r) => o with { Cos = r.CosValue(e, o.Cos) })
        .Add("allow_reload", (o, e, r) => o with { AllowReload = r.Bool(e, o.AllowReload) })
        .Add("symmetric_transport", (o, e, r) => o with { SymmetricTransport = r.Bool(e, o.SymmetricTransport) })
        .Unsupported(
            "async_operations", "external_media_port", "websocket_write_timeout", "allow_wildcard_certs",
            "tcp_keepalive_enable", "tcp_keepalive_idle_time", "tcp_keepalive_interval_time", "tcp_keepalive_probe_count",
            "iptos");

    private static PjsipTransport Bind(PjsipTransport o, ConfEntry e, OptionReader r)
    {
        if (!NetValues.TryParseHostPort(e.Value, out var host, out var port, out var error))
        {
            r.Error(e, $"bad value '{e.Value}' for bind: {error}");
            return o;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            r.Error(e, $"bad value '{e.Value}' for bind: '{host}' is not an IP address");
            return o;
        }

        return o with { Bind = e.Value, BindAddress = address, BindPort = port };
    }

    private static PjsipTransport LocalNet(PjsipTransport o, ConfEntry e, OptionReader r)
    {
        var nets = new List<IPNetwork>(o.LocalNets);
        foreach (var item in OptionReader.List(e.Value))
        {
            if (NetValues.TryParseNetwork(item, out var net, out _))
            {
                nets.Add(net);
            }
            else
            {
                r.Error(e, $"bad value '{item}' for local_net: expected an address or network like 192.168.0.0/16");
            }
        }

        return o with { LocalNets = nets.ToArray() };
    }
}
