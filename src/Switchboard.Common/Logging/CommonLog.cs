using Microsoft.Extensions.Logging;

namespace Switchboard.Common.Logging;

/// <summary>Log messages of Switchboard.Common (event ids 100-199).</summary>
internal static partial class CommonLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Serialized work item for key {Key} failed")]
    public static partial void SerializedWorkFailed(ILogger logger, string? key, Exception exception);
}
