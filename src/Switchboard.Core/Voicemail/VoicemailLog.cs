using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Voicemail;

internal static partial class VoicemailLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "MiniVM: recorded {Seconds:F1} s for {Mailbox} on {Channel} ({Status})")]
    public static partial void Recorded(ILogger log, string mailbox, string channel, double seconds, string status);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "MiniVM: {Application} on {Channel}: {Reason}")]
    public static partial void Failed(ILogger log, string application, string channel, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "MiniVM: voicemail for {Mailbox} queued for {Recipient} as {File}")]
    public static partial void Queued(ILogger log, string mailbox, string recipient, string file);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Successfully sent mail ({Host}) to {Recipient}: {File}")]
    public static partial void Sent(ILogger log, string host, string recipient, string file);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Sending mail via {Host} failed (attempt {Attempt}, retry in {RetrySeconds} s): {File}: {Reason}")]
    public static partial void SendFailed(ILogger log, string host, int attempt, int retrySeconds, string file, string reason);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Mail outbox: {File} cannot be read and is moved aside: {Reason}")]
    public static partial void BadMessage(ILogger log, string file, string reason);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "MiniVM: {Kind} greeting of {Mailbox} recorded ({Seconds:F1} s)")]
    public static partial void GreetingRecorded(ILogger log, string mailbox, string kind, double seconds);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "MiniVM: deleted {File}")]
    public static partial void Deleted(ILogger log, string file);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "minivm.conf: no mail delivery configured (mailcmd = minivm-send ... or smtphost); voicemail notifications will fail")]
    public static partial void NoSmtp(ILogger log);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "minivm.conf: format {Format} is not supported; recordings are mailed as 8 kHz 16-bit PCM WAV")]
    public static partial void FormatFallback(ILogger log, string format);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Error, Message = "Mail {Id} to {Recipient} via {Host} given up after {Attempts} attempt(s), {Why}: {Reply}; kept in failed/ ('minivm retry {Id}' sends it again)")]
    public static partial void GaveUp(ILogger log, string id, string recipient, string host, int attempts, string why, string reply);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Mail {Id} queued again from failed/")]
    public static partial void Requeued(ILogger log, string id);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "{Application}: option '{Option}' is not supported and is ignored (reported once)")]
    public static partial void UnsupportedOption(ILogger log, string application, char option);
}
