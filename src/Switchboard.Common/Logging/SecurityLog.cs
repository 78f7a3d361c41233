using Microsoft.Extensions.Logging;

namespace Switchboard.Common.Logging;

/// <summary>
/// How security bans reach the console whatever SYSLOG_LEVEL says: log them with a logger of
/// category <see cref="Category"/> (<c>loggerFactory.CreateLogger(SecurityLog.Category)</c>) and
/// event id <see cref="BanEventId"/>. The executable's console logger lets every message of that
/// category through. Use it for "jailed", "paroled", "released", "blacklisted" lines; do not log
/// per-packet noise (each failed auth) there.
/// </summary>
public static class SecurityLog
{
    /// <summary>Logger category name whose messages are always shown.</summary>
    public const string Category = "Switchboard.Security";

    /// <summary>Event id for ban messages: <c>[LoggerMessage(EventId = SecurityLog.BanEventId, ...)]</c>.</summary>
    public const int BanEventId = 9001;

    /// <summary>The ban event as an <see cref="EventId"/>.</summary>
    public static EventId Ban => new(BanEventId, "SecurityBan");

    /// <summary>True when a message must bypass the level filter.</summary>
    public static bool AlwaysVisible(string category, EventId eventId) =>
        eventId.Id == BanEventId || string.Equals(category, Category, StringComparison.Ordinal);
}
