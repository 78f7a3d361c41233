using System.Net;
using System.Net.Sockets;
using Switchboard.Config.Snapshot;
using Switchboard.Hosting;
using PjsipProtocol = Switchboard.Config.Pjsip.TransportProtocol;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard healthcheck</c>: sends a real OPTIONS to the first UDP (else TCP) transport of the configuration
/// over loopback and exits 0 only on a SIP answer; prints why otherwise.
/// </summary>
internal static class HealthCheckCommand
{
    public static async Task<int> RunAsync(string dataDir, string? configDir, TimeSpan timeout, CancellationToken ct)
    {
        configDir ??= Path.Combine(dataDir, "etc", "asterisk");
        var result = ConfigSnapshotLoader.Load(configDir);
        if (result.Snapshot is null)
        {
            await Console.Error.WriteLineAsync($"healthcheck: configuration in {configDir} does not load ({result.ErrorCount} errors)").ConfigureAwait(false);
            return 1;
        }

        var transport = result.Snapshot.Pjsip.Transports.FirstOrDefault(t => t.Protocol == PjsipProtocol.Udp)
            ?? result.Snapshot.Pjsip.Transports.FirstOrDefault(t => t.Protocol == PjsipProtocol.Tcp);
        if (transport is null)
        {
            await Console.Error.WriteLineAsync("healthcheck: no UDP or TCP transport configured").ConfigureAwait(false);
            return 1;
        }

        var address = transport.BindAddress;
        if (address.Equals(IPAddress.Any))
        {
            address = IPAddress.Loopback;
        }
        else if (address.Equals(IPAddress.IPv6Any))
        {
            address = IPAddress.IPv6Loopback;
        }

        var target = new IPEndPoint(address, transport.EffectivePort);
        var probe = await SipOptionsProbe.ProbeAsync(target, transport.Protocol == PjsipProtocol.Udp ? ProtocolType.Udp : ProtocolType.Tcp, timeout, ct).ConfigureAwait(false);
        if (probe.Healthy)
        {
            await Console.Out.WriteLineAsync($"healthy: {probe.Detail}").ConfigureAwait(false);
            return 0;
        }

        await Console.Error.WriteLineAsync($"unhealthy: {probe.Detail}").ConfigureAwait(false);
        return 1;
    }
}
