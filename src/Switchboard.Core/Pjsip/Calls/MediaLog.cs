using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Log messages of dialplan media on PJSIP channels (prompts, DTMF, echo, music on hold, rtp_timeout).</summary>
internal static partial class MediaLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: cannot play '{File}': {Reason}")]
    public static partial void PlaybackFailed(ILogger log, string channel, string file, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Channel}: played '{File}' ({Frames} frames, {Status})")]
    public static partial void Played(ILogger log, string channel, string file, int frames, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: DTMF '{Digit}' received ({Source})")]
    public static partial void DtmfReceived(ILogger log, string channel, char digit, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: music on hold not started: {Reason}")]
    public static partial void MusicFailed(ILogger log, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: started music on hold class '{Class}'")]
    public static partial void MusicStarted(ILogger log, string channel, string @class);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnecting channel '{Channel}' for lack of audio RTP activity in {Seconds} seconds")]
    public static partial void RtpTimeout(ILogger log, string channel, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rtp.conf kernel_forwarding: not available, media stays in the process: {Reason}")]
    public static partial void KernelForwardingRefused(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rtp.conf kernel_forwarding: established relays go to nftables table ip {Table}")]
    public static partial void KernelForwardingStarted(ILogger log, string table);
}
