using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Media;
using Switchboard.Common.Nft;
using Switchboard.Common.Timing;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;
using Switchboard.TestKit.Netns;
using Switchboard.Transport.Rtp;
using Switchboard.Transport.Rtp.Kernel;

namespace Switchboard.Media.Tests.Relay;

/// <summary>
/// rtp.conf kernel_forwarding with the real kernel: nft, a network namespace created for the test, real UDP sockets
/// (the legs' and two phones') made inside it, and the relay handing the call to nftables and taking it back.
/// Skipped without root, network namespaces or nft, with the reason.
/// </summary>
public sealed partial class KernelForwardingNamespaceTests
{
    private const int CloneNewNet = 0x40000000;

    [SkippableFact]
    public async Task AnEstablishedCallIsForwardedByTheKernelFromTheLegsPortsAndComesBackWhenTheBridgeEnds()
    {
        Skip.IfNot(NetworkNamespace.IsSupported(out string reason), reason);
        Skip.If(ExternalCommand.Find("nft") is null, "nft (nftables) is not installed");
        using var ns = NetworkNamespace.Create("sbkf");
        ns.Check("sysctl", "-qw", "net.ipv4.ip_forward=1");
        var (forwarding, error) = await NftKernelForwarding.StartAsync(
            NftProcessRunner.InNamespace(ns.Name), NullLogger.Instance, ipForward: ns.Check("cat", "/proc/sys/net/ipv4/ip_forward"),
            activityPoll: TimeSpan.FromMilliseconds(200));
        Assert.True(forwarding is not null, error);
        using var kernel = forwarding;

        // The default RTP engine's threads exist before the namespace's sockets do (they serve any socket).
        new UdpRtpSocketFactory().TryBind(IPAddress.Loopback, 0, out var warm, out _);
        warm?.Dispose();
        var (socketA, socketB, phoneA, phoneB) = InNamespace(ns.Name, () =>
        {
            var factory = new UdpRtpSocketFactory();
            return (Bind(factory), Bind(factory), Phone(), Phone());
        });
        using var phoneASocket = phoneA;
        using var phoneBSocket = phoneB;
        var options = new RtpLegOptions { Symmetric = true, StrictRtp = StrictRtpMode.Yes, KernelForwarding = kernel };
        using var legA = new RtpLeg(socketA, options with { Name = "A" });
        using var legB = new RtpLeg(socketB, options with { Name = "B" });
        legA.SetMedia(new RtpLegMedia("ulaw", 0, 101));
        legB.SetMedia(new RtpLegMedia("ulaw", 0, 101));
        legA.SetRemote((IPEndPoint)phoneA.LocalEndPoint!);
        legB.SetRemote((IPEndPoint)phoneB.LocalEndPoint!);
        legA.Start();
        legB.Start(near: legA);
        var relay = new RtpRelay(legA, legB);
        relay.Start();

        // rtp_timeout (30 s) on A: while the kernel forwards, A's packets are known from the kernel's counters.
        using var wheel = new TimingWheel(TimeProvider.System);
        using var watch = new RtpTimeoutWatch(legA, wheel, new NoRtpTimeouts());
        watch.Start(TimeSpan.FromSeconds(30));
        var talk = new Talk(phoneA, phoneB, socketA.LocalRtpEndPoint, socketB.LocalRtpEndPoint);

        // Both phones talk (20 ms packets) until the relay has handed the call to the kernel.
        for (int i = 0; i < 500 && !relay.IsKernelForwarding; i++)
        {
            talk.Round();
            Thread.Sleep(20);
        }

        Assert.True(relay.IsKernelForwarding, $"not forwarded by the kernel after {talk.Sent} packets each way");
        Assert.Equal(2, ns.Check("nft", "list", "map", "ip", KernelForwardingScript.Table, "relay").Split(" : 0x").Length - 1);

        // 100 more each way: every one arrives, from the other leg's port, and (but for a few in flight) none passes
        // through the process any more; A's last packet time still moves, from the kernel's counters.
        Thread.Sleep(300);
        talk.Drain();
        long lastSeenByProcess = legA.LastReceivedTimestamp;
        long inProcess = relay.ForwardedAToB + relay.ForwardedBToA;
        long receivedA = talk.ReceivedByA;
        long receivedB = talk.ReceivedByB;
        for (int i = 0; i < 100; i++)
        {
            talk.Round();
            Thread.Sleep(2);
        }

        talk.Drain(expectA: receivedA + 100, expectB: receivedB + 100);
        Assert.Equal(receivedA + 100, talk.ReceivedByA);
        Assert.Equal(receivedB + 100, talk.ReceivedByB);
        Assert.Empty(talk.WrongSources);
        Assert.InRange(relay.ForwardedAToB + relay.ForwardedBToA - inProcess, 0, 2 * RtpRelay.KernelStrayLimit);
        Assert.True(relay.IsKernelForwarding);
        for (int i = 0; i < 100 && legA.LastReceivedTimestamp == lastSeenByProcess; i++)
        {
            Thread.Sleep(50);
        }

        Assert.True(legA.LastReceivedTimestamp > lastSeenByProcess, "the kernel's counters did not reach rtp_timeout");

        // The bridge ends: the kernel lets go, and the legs' packets reach the process again.
        relay.Dispose();
        for (int i = 0; i < 250 && kernel!.ActiveRelays > 0; i++)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(0, kernel!.ActiveRelays);
        Assert.DoesNotContain(" : 0x", ns.Check("nft", "list", "map", "ip", KernelForwardingScript.Table, "relay"));
        long seen = legA.GetStatistics().PacketsReceived;
        for (int i = 0; i < 10; i++)
        {
            talk.Round();
        }

        for (int i = 0; i < 250 && legA.GetStatistics().PacketsReceived < seen + 10; i++)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(seen + 10, legA.GetStatistics().PacketsReceived);

        kernel.Dispose();
        Assert.DoesNotContain(KernelForwardingScript.Table, ns.Check("nft", "list", "tables"));
    }

    private static UdpRtpSocket Bind(UdpRtpSocketFactory factory)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int port = Random.Shared.Next(20000, 30000) & ~1;
            if (factory.TryBind(IPAddress.Loopback, port, out var socket, out _))
            {
                return (UdpRtpSocket)socket;
            }
        }

        throw new InvalidOperationException("no free RTP port pair in the namespace");
    }

    private static Socket Phone()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    /// <summary>Runs <paramref name="create"/> on a thread inside the namespace: the sockets it makes live there.</summary>
    private static T InNamespace<T>(string name, Func<T> create)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/var/run/netns/{name}");
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new InvalidOperationException($"setns failed (errno {Marshal.GetLastPInvokeError()})");
                }

                result = create();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result! : throw new InvalidOperationException("could not enter the namespace", failure);
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);

    /// <summary>Two phones sending RTP to their legs and counting what comes back (and from where).</summary>
    private sealed class Talk(Socket phoneA, Socket phoneB, IPEndPoint legA, IPEndPoint legB)
    {
        private readonly byte[] _buffer = new byte[2048];
        private ushort _seq;

        public int Sent { get; private set; }

        public long ReceivedByA { get; private set; }

        public long ReceivedByB { get; private set; }

        public List<string> WrongSources { get; } = [];

        public void Round()
        {
            _seq++;
            phoneA.SendTo(RtpBuilder.Audio(0, _seq, _seq * 160u, 0xA1), legA);
            phoneB.SendTo(RtpBuilder.Audio(0, _seq, _seq * 160u, 0xB1), legB);
            Sent++;
            Drain();
        }

        /// <summary>Reads what has arrived; waits up to 5 s while fewer than expected have.</summary>
        public void Drain(long expectA = 0, long expectB = 0)
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            do
            {
                ReceivedByA += Read(phoneA, legA);
                ReceivedByB += Read(phoneB, legB);
                if (ReceivedByA >= expectA && ReceivedByB >= expectB)
                {
                    return;
                }

                Thread.Sleep(5);
            }
            while (DateTime.UtcNow < deadline);
        }

        /// <summary>Datagrams waiting at a phone; each must come from its own leg's port (symmetric RTP).</summary>
        private int Read(Socket phone, IPEndPoint expectedSource)
        {
            int count = 0;
            while (phone.Available > 0)
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                phone.ReceiveFrom(_buffer, ref from);
                if (!from.Equals(expectedSource))
                {
                    WrongSources.Add(from.ToString()!);
                }

                count++;
            }

            return count;
        }
    }
}
