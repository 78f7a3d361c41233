using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Formats one log event as one line: <c>&lt;timestamp&gt; &lt;level&gt; &lt;category&gt;: message</c>.
/// The timestamp is UTC ISO 8601 with milliseconds; line breaks inside the message are escaped as
/// <c>\n</c> so that an event never spans two lines; an exception is appended as
/// <c> [Type: message]</c> (with the stack trace, escaped, when <see cref="IncludeStackTraces"/>).
/// </summary>
internal sealed class LogLineFormatter
{
    public bool IncludeStackTraces { get; init; }

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRIT",
        _ => "NONE",
    };

    public string Format(DateTimeOffset timestamp, LogLevel level, string category, string message, Exception? exception)
    {
        var sb = new StringBuilder(64 + category.Length + message.Length);
        sb.Append(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        sb.Append(' ').Append(LevelName(level)).Append(' ').Append(category).Append(": ");
        AppendEscaped(sb, message);
        if (exception is not null)
        {
            sb.Append(" [").Append(exception.GetType().FullName).Append(": ");
            AppendEscaped(sb, exception.Message);
            if (IncludeStackTraces && exception.StackTrace is { } trace)
            {
                sb.Append(" at ");
                AppendEscaped(sb, trace.Trim());
            }

            sb.Append(']');
        }

        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case < ' ' and not '\t':
                    sb.Append('?');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }
}
