using System.Globalization;
using Switchboard.Config.Rtp;
using Switchboard.Core.Cli;
using Switchboard.Transport.Rtp;
using Switchboard.Transport.Rtp.Kernel;

namespace Switchboard.Run;

/// <summary>
/// <c>rtp show settings</c>: rtp.conf's global settings as Asterisk lists them, plus what carries the media in this
/// process (io_uring or epoll RTP threads, and why io_uring is not used when the kernel or a seccomp filter refused it).
/// </summary>
internal static class RtpCliCommand
{
    public static void Register(CliCommandRegistry cli, Func<RtpConfig> config)
        => cli.Register(CliCommand.Sync("rtp show settings", "Display RTP settings", (_, o) => Write(o, config(), RtpEngineStatus.Current)));

    internal static void Write(TextWriter o, RtpConfig c, RtpEngineStatus engine)
    {
        o.WriteLine("Global RTP settings:");
        Line(o, "Port start", c.RtpStart.ToString(CultureInfo.InvariantCulture));
        Line(o, "Port end", c.RtpEnd.ToString(CultureInfo.InvariantCulture));
        Line(o, "Checksums", c.RtpChecksums ? "Yes" : "No");
        Line(o, "DTMF Timeout", c.DtmfTimeoutMs.ToString(CultureInfo.InvariantCulture) + " ms");
        Line(o, "Strict RTP", c.StrictRtp.ToString());
        Line(o, "Probation", c.Probation.ToString(CultureInfo.InvariantCulture) + " frames");
        Line(o, "RTCP interval", c.RtcpIntervalMs.ToString(CultureInfo.InvariantCulture) + " ms");
        Line(o, "Media engine", engine.Threads > 0 ? $"{engine.Kind}, {engine.Threads} threads" : engine.Kind);
        if (engine.FallbackReason is { } reason)
        {
            Line(o, "io_uring unused", reason);
        }

        if (engine.SendPath is { } sendPath)
        {
            Line(o, "io_uring sends", sendPath);
        }

        Line(o, "RTP priority", RtpThreadPriority.Outcome ?? "normal");
        Line(o, "Sockets", engine.Sockets.ToString(CultureInfo.InvariantCulture));
        Line(o, "Sends refused", engine.SendsRefused.ToString(CultureInfo.InvariantCulture));
        Line(o, "Oversized dropped", engine.OversizedDropped.ToString(CultureInfo.InvariantCulture));
        Line(o, "Kernel forwarding", KernelForwarding(c, NftKernelForwarding.Current, NftKernelForwarding.LastRefusal));
    }

    internal static string KernelForwarding(RtpConfig c, NftKernelForwarding? forwarding, string? refusal) =>
        !c.KernelForwarding ? "No"
        : forwarding is not null ? string.Create(CultureInfo.InvariantCulture, $"Yes, {forwarding.ActiveRelays} relays in the kernel, {forwarding.RefusedRelays} refused")
        : refusal is not null ? "Refused: " + refusal
        : "Starting";

    private static void Line(TextWriter o, string name, string value) => o.WriteLine($"  {name + ":",-19}{value}");
}
