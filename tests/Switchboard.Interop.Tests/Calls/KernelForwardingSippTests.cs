using System.Text.RegularExpressions;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Netns;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// rtp.conf kernel_forwarding in the real PBX: switchboard, a SIPp caller playing G.711 and a SIPp callee echoing it,
/// all inside a network namespace created for the test (as root, so the PBX has CAP_NET_ADMIN and nft). Skipped
/// without root, network namespaces, nft or sipp, with the reason.
/// </summary>
[Collection("sipp")]
public sealed partial class KernelForwardingSippTests
{
    [SkippableFact]
    public async Task A_bridged_call_is_handed_to_the_kernel_while_it_talks_and_taken_back_when_it_ends()
    {
        Skip.IfNot(NetworkNamespace.IsSupported(out string reason), reason);
        Skip.IfNot(ExternalTool.Exists("nft"), "nft (nftables) is not installed");
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        using var ns = NetworkNamespace.Create("sbkfs");
        ns.Check("sysctl", "-qw", "net.ipv4.ip_forward=1");
        var files = CallConfigs.Files();
        files["rtp.conf"] = CallConfigs.Rtp + "\nkernel_forwarding = yes\n";
        await using var pbx = PbxInstance.Create(files);
        pbx.CommandPrefix = ["ip", "netns", "exec", ns.Name];
        await pbx.StartAsync();
        await pbx.WaitForLogAsync(TimeSpan.FromSeconds(15), "kernel_forwarding: established relays go to nftables table ip switchboard_media");
        string[] inNamespace = ["ip", "netns", "exec", ns.Name];

        int bobPort = FreePort.UdpAndTcp();
        var registered = await Sipp.RunAsync("register-auth.xml", pbx.SipPort, ["-inf", Sipp.UsersFile([("bob", "pw-bob")]), "-m", "1"], localPort: bobPort, commandPrefix: inNamespace);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        // bob talks too, the same G.711 file under its own SSRC (an echo would send alice her own SSRC, which the PBX
        // must rewrite (RFC 3550 section 8.2), and a rewritten stream stays in the process).
        var callee = Sipp.RunAsync(CalleeTalking(), pbx.SipPort, ["-m", "1"], TimeSpan.FromSeconds(60), localPort: bobPort, commandPrefix: inNamespace);
        var caller = Sipp.RunAsync(CallerTalking(), pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "200", "-m", "1"], TimeSpan.FromSeconds(60), commandPrefix: inNamespace);

        // While alice's G.711 file plays (and bob echoes it), the relay goes to the kernel: both directions are in
        // the namespace's nft map and rtp show settings counts it.
        string settings = await pbx.WaitForCliAsync(
            "rtp show settings", o => o.Contains("Kernel forwarding: Yes, 1 relays in the kernel", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.True(settings.Contains("Kernel forwarding: Yes, 1 relays in the kernel, 0 refused", StringComparison.Ordinal), settings + "\n" + pbx.Output);
        Assert.True(ElementCount(ns) == 2, ns.Check("nft", "list", "table", "ip", "switchboard_media") + "\n" + settings + "\n" + pbx.Output);

        var callerResult = await caller;
        var calleeResult = await callee;
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult + "\n" + pbx.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult + "\n" + pbx.Output);
        await pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), "hangup PJSIP/alice-", " ANSWER ");

        // The bridge ended: the kernel let go of both directions.
        settings = await pbx.WaitForCliAsync("rtp show settings", o => o.Contains("Kernel forwarding: Yes, 0 relays in the kernel", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Kernel forwarding: Yes, 0 relays in the kernel", settings, StringComparison.Ordinal);
        Assert.Equal(0, ElementCount(ns));

        // The caller talked for 6.5 s: after the first 50 packets each way (through the process) the kernel
        // rewrote the rest, both directions, and delivered every datagram it rewrote (the peers share the namespace's
        // loopback, so they leave through the input hook's rule).
        var (rewritten, delivered) = KernelCounters(ns);
        Assert.True(rewritten >= 50, $"the kernel rewrote {rewritten} datagrams\n" + pbx.Output);
        Assert.Equal(rewritten, delivered);
        var line = await pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), "Bridge ", " ended: PJSIP/alice-");
        var counts = RtpCounts().Match(line);
        Assert.True(counts.Success, line);
        long inProcess = long.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(inProcess < rewritten * 2, $"{inProcess} relayed by the process, {rewritten} by the kernel");
    }

    /// <summary>Datagrams the prerouting rule rewrote, and those the input and postrouting rules sent on.</summary>
    private static (long Rewritten, long Delivered) KernelCounters(NetworkNamespace ns)
    {
        string table = ns.Check("nft", "list", "table", "ip", "switchboard_media");
        long Count(string chain) => long.Parse(
            Regex.Match(table[table.IndexOf("chain " + chain, StringComparison.Ordinal)..], @"counter packets (\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        return (Count("prerouting"), Count("input") + Count("postrouting"));
    }

    /// <summary>
    /// call-uac.xml talking for 6.5 s instead of 3 s (the sip-tester file lasts 7 s, ~33 packets a second): the
    /// relay hands over after 50 packets each way, and a loaded machine still has seconds of call left to see it.
    /// </summary>
    private static string CallerTalking()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sipp-kf-").FullName, "call-uac-talking.xml");
        string text = File.ReadAllText(Sipp.Scenario("call-uac.xml"));
        Assert.Contains("<pause milliseconds=\"3000\"/>", text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace("<pause milliseconds=\"3000\"/>", "<pause milliseconds=\"6500\"/>", StringComparison.Ordinal));
        return path;
    }

    /// <summary>callee-media.xml answering with A-law and playing the sip-tester G.711 file with SSRC 0x0B0B0B0B.</summary>
    private static string CalleeTalking()
    {
        var dir = Directory.CreateTempSubdirectory("sipp-kf-").FullName;
        var pcap = Path.Combine(dir, "bob.pcap");
        File.WriteAllBytes(pcap, WithSsrc(File.ReadAllBytes("/usr/share/sip-tester/g711a.pcap"), 0x0B0B0B0B));
        var scenario = Path.Combine(dir, "callee-talking.xml");
        File.WriteAllText(scenario, File.ReadAllText(Sipp.Scenario("callee-media.xml"))
            .Replace("{RTP_PORT}", "[media_port]", StringComparison.Ordinal)
            .Replace("{CODEC}", "PCMA", StringComparison.Ordinal)
            .Replace("{PT}", "8", StringComparison.Ordinal)
            .Replace("{ACTION}", $"<nop><action><exec play_pcap_audio=\"{pcap}\"/></action></nop>", StringComparison.Ordinal));
        return scenario;
    }

    /// <summary>A copy of a pcap of IPv4/UDP/RTP packets (Ethernet or Linux cooked capture) with every SSRC replaced.</summary>
    private static byte[] WithSsrc(byte[] pcap, uint ssrc)
    {
        var copy = (byte[])pcap.Clone();
        bool little = copy[0] == 0xD4;
        uint Read32(int at) => little ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(at)) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(at));
        int link = Read32(20) == 113 ? 16 : 14;
        for (int at = 24; at + 16 <= copy.Length;)
        {
            int length = (int)Read32(at + 8);
            int ip = at + 16 + link;
            if (length >= link + 20 && copy[ip] >> 4 == 4 && copy[ip + 9] == 17)
            {
                int rtp = ip + ((copy[ip] & 0x0F) * 4) + 8;
                if (rtp + 12 <= at + 16 + length)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(rtp + 8), ssrc);
                }
            }

            at += 16 + length;
        }

        return copy;
    }

    private static int ElementCount(NetworkNamespace ns) =>
        ns.Check("nft", "list", "map", "ip", "switchboard_media", "relay").Split(" : 0x").Length - 1;

    [GeneratedRegex(@"(\d+) RTP packets, .* (\d+) RTP packets")]
    private static partial Regex RtpCounts();
}
