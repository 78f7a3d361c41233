using Microsoft.Extensions.Logging;

namespace Switchboard.Dialplan.Execution;

/// <summary>Source-generated log messages of the dialplan interpreter (texts follow Asterisk's where users know them).</summary>
internal static partial class DialplanLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Executing [{Exten}@{Context}:{Priority}] {Application}(\"{Channel}\", \"{Args}\")")]
    public static partial void Executing(ILogger logger, string exten, string context, int priority, string application, string channel, string args);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "No application '{Application}' for extension ({Context}, {Exten}, {Priority}) on channel '{Channel}'")]
    public static partial void ApplicationNotFound(ILogger logger, string application, string context, string exten, int priority, string channel);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Channel '{Channel}' sent to invalid extension but no invalid handler: context,exten,priority: {Context},{Exten},{Priority}")]
    public static partial void InvalidExtension(ILogger logger, string channel, string context, string exten, int priority);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Auto fallthrough, channel '{Channel}' status is '{Status}'")]
    public static partial void AutoFallthrough(ILogger logger, string channel, string status);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Channel '{Channel}' ran more than {MaxSteps} dialplan priorities (last at {Exten}@{Context}:{Priority}); hanging up")]
    public static partial void StepBudgetExceeded(ILogger logger, string channel, int maxSteps, string exten, string context, int priority);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{Application} on channel '{Channel}' at {Exten}@{Context}:{Priority} failed: {Message}")]
    public static partial void ApplicationFailed(ILogger logger, string application, string channel, string exten, string context, int priority, string message);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Dialplan substitution on channel '{Channel}' at {Exten}@{Context}:{Priority}: {Message}")]
    public static partial void SubstitutionWarning(ILogger logger, string channel, string exten, string context, int priority, string message);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "{Message}")]
    public static partial void Verbose(ILogger logger, string message);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Invalid extension '{Digits}' collected on channel '{Channel}', but no rule 'i' in context '{Context}'")]
    public static partial void NoInvalidHandler(ILogger logger, string digits, string channel, string context);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Timeout on channel '{Channel}', but no rule 't' in context '{Context}'")]
    public static partial void NoTimeoutHandler(ILogger logger, string channel, string context);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Application {Application} threw on channel '{Channel}' at {Exten}@{Context}:{Priority}")]
    public static partial void ApplicationThrew(ILogger logger, Exception exception, string application, string channel, string exten, string context, int priority);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "System() is disabled (allow_system = no in [general] of extensions.conf): a shell in a hardened image is an attack surface. Not running '{Command}' on channel '{Channel}'")]
    public static partial void SystemDisabled(ILogger logger, string command, string channel);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "System() is enabled (allow_system = yes): dialplan can run shell commands, and a shell in a hardened image is an attack surface. Running '{Command}' on channel '{Channel}'")]
    public static partial void SystemEnabled(ILogger logger, string command, string channel);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Spawn extension ({Context}, {Exten}, {Priority}) exited on '{Channel}': {Reason}")]
    public static partial void Exited(ILogger logger, string context, string exten, int priority, string channel, DialplanExitReason reason);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error, Message = "{Message}")]
    public static partial void LogError(ILogger logger, string message);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void LogWarning(ILogger logger, string message);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Information, Message = "{Message}")]
    public static partial void LogNotice(ILogger logger, string message);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Debug, Message = "{Message}")]
    public static partial void LogDebug(ILogger logger, string message);
}
