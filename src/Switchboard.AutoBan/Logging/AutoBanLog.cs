using Microsoft.Extensions.Logging;

namespace Switchboard.AutoBan.Logging;

/// <summary>AutoBan's log lines (source-generated). Bans and releases are one warning line each.</summary>
internal static partial class AutoBanLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Watching {Address} {Count} (watch {Watch} jail {Jail})")]
    public static partial void Watching(ILogger logger, string address, int count, int watch, int jail);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Jailing {Address} {Time} (watch {Watch} jail {Jail})")]
    public static partial void Jailing(ILogger logger, string address, string time, int watch, int jail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Releasing {Address} after {Time}, on parole for {Parole} (watch {Watch} jail {Jail})")]
    public static partial void Releasing(ILogger logger, string address, string time, string parole, int watch, int jail);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Jailing {Address} {Time} by CLI (watch {Watch} jail {Jail})")]
    public static partial void JailingByCli(ILogger logger, string address, string time, int watch, int jail);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Releasing {Address} by CLI (watch {Watch} jail {Jail})")]
    public static partial void ReleasingByCli(ILogger logger, string address, int watch, int jail);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Blacklisting {Address}")]
    public static partial void Blacklisting(ILogger logger, string address);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Removing {Address} from blacklist")]
    public static partial void Unblacklisting(ILogger logger, string address);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Whitelisting {Address}")]
    public static partial void Whitelisting(ILogger logger, string address);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Removing {Address} from whitelist")]
    public static partial void Unwhitelisting(ILogger logger, string address);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "Ignoring {Type} from whitelisted {Address}")]
    public static partial void IgnoringWhitelisted(ILogger logger, string type, string address);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "Parole of {Address} ended")]
    public static partial void ParoleEnded(ILogger logger, string address);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Flushed {Count} addresses from {Set} by CLI")]
    public static partial void Flushed(ILogger logger, int count, string set);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "AutoBan: nftables enforcement unavailable ({Reason}); offenders are dropped in-process only")]
    public static partial void NftUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "AutoBan: nftables table inet {Table} loaded ({Count} elements)")]
    public static partial void NftReady(ILogger logger, string table, int count);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Warning, Message = "AutoBan: nft failed: {Error} (command: {Command})")]
    public static partial void NftCommandFailed(ILogger logger, string error, string command);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Information, Message = "AutoBan: activated (maxcount {MaxCount}, watchtime {WatchTime}, jailtime {JailTime}, repeatmult {RepeatMult}); restored {Restored} addresses")]
    public static partial void Activated(ILogger logger, int maxCount, string watchTime, string jailTime, double repeatMult, int restored);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Warning, Message = "AutoBan: state file {Path} unreadable ({Error}); kept as {Kept}, starting empty")]
    public static partial void StateUnreadable(ILogger logger, string path, string error, string kept);

    [LoggerMessage(EventId = 4125, Level = LogLevel.Error, Message = "AutoBan: cannot save state to {Path}: {Error}")]
    public static partial void StateSaveFailed(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 4126, Level = LogLevel.Warning, Message = "AutoBan: {Diagnostic}")]
    public static partial void ConfigProblem(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 4128, Level = LogLevel.Information, Message = "AutoBan: disabled (activate it with {Path}, enabled = yes)")]
    public static partial void Disabled(ILogger logger, string path);

    [LoggerMessage(EventId = 4127, Level = LogLevel.Warning, Message = "AutoBan: security event with unusable address {Address} ignored")]
    public static partial void UnusableAddress(ILogger logger, string address);
}
