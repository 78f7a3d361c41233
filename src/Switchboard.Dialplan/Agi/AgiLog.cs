using Microsoft.Extensions.Logging;

namespace Switchboard.Dialplan.Agi;

/// <summary>Source-generated log messages of AGI (event ids 3400-3419).</summary>
internal static partial class AgiLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Debug, Message = "AGI Script {Request} started on {Channel}")]
    public static partial void Started(ILogger logger, string request, string channel);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Debug, Message = "AGI Script {Request} completed on {Channel}, returning {Status} after {Commands} commands")]
    public static partial void Completed(ILogger logger, string request, string channel, string status, int commands);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Failed to execute '{Program}': File does not exist.")]
    public static partial void ProgramNotFound(ILogger logger, string program);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Warning, Message = "Failed to execute '{Program}': {Reason}")]
    public static partial void ProgramFailed(ILogger logger, string program, string reason);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Warning, Message = "FastAGI connection to {Host}:{Port} for {Request} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string request, string reason);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Warning, Message = "AGI on {Channel}: {Message}")]
    public static partial void Warning(ILogger logger, string channel, string message);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning, Message = "AGI on {Channel} sent an unknown command: {Line}")]
    public static partial void UnknownCommand(ILogger logger, string channel, string line);

    [LoggerMessage(EventId = 3407, Level = LogLevel.Information, Message = "{Channel} AGI Script {Program}: {Line}")]
    public static partial void ScriptError(ILogger logger, string channel, string program, string line);

    [LoggerMessage(EventId = 3408, Level = LogLevel.Information, Message = "{Channel} AGI: {Message}")]
    public static partial void Verbose(ILogger logger, string channel, string message);

    [LoggerMessage(EventId = 3409, Level = LogLevel.Warning, Message = "AGI Script {Program} on {Channel} exited with status {ExitCode}")]
    public static partial void ExitedWithError(ILogger logger, string program, string channel, int exitCode);
}
