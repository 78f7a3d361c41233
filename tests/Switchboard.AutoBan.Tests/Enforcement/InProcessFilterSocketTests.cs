using System.Net;
using System.Net.Sockets;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Enforcement;
using Switchboard.AutoBan.Tests.Support;
using Switchboard.Core.Events;
using Switchboard.TestKit.Netns;

namespace Switchboard.AutoBan.Tests.Enforcement;

/// <summary>The in-process layer alone (nftables off) in front of a real UDP socket on loopback.</summary>
public sealed class InProcessFilterSocketTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Datagrams_from_a_jailed_loopback_address_are_dropped_before_parsing()
    {
        var options = AutoBanOptions.Default with { MaxCount = 3, NftEnabled = false };
        await using var h = new ServiceHarness(_dir, options);
        await h.Service.StartAsync();
        var filter = h.Service.AdmissionFilter;

        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var serverEp = (IPEndPoint)server.LocalEndPoint!;
        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.5"), 0));
        using var user = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.6"), 0));

        var admitted = new List<string>();
        var buffer = new byte[2048];
        var addr = new byte[16];

        void Pump(int expected)
        {
            // Reads exactly the datagrams sent; the filter decides before any content is looked at.
            for (int i = 0; i < expected; i++)
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                server.ReceiveTimeout = 5000;
                int n = server.ReceiveFrom(buffer, ref from);
                var remote = (IPEndPoint)from;
                remote.Address.TryWriteBytes(addr, out int len);
                if (filter.Admit(addr.AsSpan(0, len)))
                {
                    admitted.Add(System.Text.Encoding.ASCII.GetString(buffer, 0, n));
                }
            }
        }

        attacker.Send("REGISTER 1"u8.ToArray(), serverEp);
        user.Send("REGISTER ok 1"u8.ToArray(), serverEp);
        Pump(2);
        h.Offend("127.0.0.5", 3, SecurityEventType.InvalidAccountID);
        for (int i = 0; i < 5; i++)
        {
            attacker.Send("REGISTER x"u8.ToArray(), serverEp);
        }

        user.Send("REGISTER ok 2"u8.ToArray(), serverEp);
        Pump(6);
        Assert.Equal(["REGISTER 1", "REGISTER ok 1", "REGISTER ok 2"], admitted);
        Assert.Equal(5, filter.DroppedPackets);
    }

    [RootToolFact("setpriv")]
    public void Capability_probe_sees_no_net_admin_once_capabilities_are_dropped()
    {
        var setpriv = ExternalCommand.Find("setpriv")!;
        var dropped = ExternalCommand.Run(setpriv, ["--bounding-set", "-all", "--inh-caps", "-all", "--", "cat", "/proc/self/status"]);
        Assert.True(dropped.Success, dropped.Error);
        Assert.False(NftAvailability.HasNetAdmin(dropped.Output));
        var full = ExternalCommand.Run("cat", ["/proc/self/status"]);
        Assert.True(NftAvailability.HasNetAdmin(full.Output));
    }
}
