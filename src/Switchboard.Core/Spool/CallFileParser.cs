using System.Globalization;

namespace Switchboard.Core.Spool;

/// <summary>
/// Reads a call file: <c>Key: value</c> lines (Channel, CallerID, WaitTime, MaxRetries, RetryTime, Account, Context,
/// Extension, Priority, Application, Data, Setvar/Set, Archive), <c>#</c> and <c>;</c> comments, StartRetry lines
/// counted as attempts made. Unknown keys are ignored as Asterisk does; a missing Channel or target is an error.
/// </summary>
public static class CallFileParser
{
    public static bool TryParse(string text, out CallFile? file, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        file = null;
        error = null;
        string? channel = null, callerId = null, context = null, extension = null, application = null, data = null, account = null;
        int waitTime = 45, maxRetries = 0, retryTime = 300, priority = 1, retries = 0;
        bool archive = false;
        var variables = new List<KeyValuePair<string, string>>();
        int lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                error = $"line {lineNumber}: expected 'Key: value'";
                return false;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "channel": channel = value; break;
                case "callerid": callerId = value; break;
                case "context": context = value; break;
                case "extension": extension = value; break;
                case "application": application = value; break;
                case "data": data = value; break;
                case "account": account = value; break;
                case "archive": archive = Cdr.CdrConfig.Bool(value, false); break;
                case "startretry": retries++; break;
                case "waittime":
                case "maxretries":
                case "retrytime":
                case "priority":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || (key == "priority" && n < 1))
                    {
                        error = $"line {lineNumber}: {line[..colon].Trim()} must be a number, got '{value}'";
                        return false;
                    }

                    if (key == "waittime") waitTime = Math.Max(1, n);
                    else if (key == "maxretries") maxRetries = n;
                    else if (key == "retrytime") retryTime = Math.Max(1, n);
                    else priority = n;
                    break;
                case "setvar":
                case "set":
                    int eq = value.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        error = $"line {lineNumber}: Setvar needs name=value";
                        return false;
                    }

                    variables.Add(new(value[..eq].Trim(), value[(eq + 1)..]));
                    break;
            }
        }

        if (string.IsNullOrEmpty(channel) || channel.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            error = "no Channel: <tech>/<data>";
            return false;
        }

        if (string.IsNullOrEmpty(application) && string.IsNullOrEmpty(extension) && string.IsNullOrEmpty(context))
        {
            error = "neither Application nor Context/Extension";
            return false;
        }

        file = new CallFile
        {
            Channel = channel,
            CallerId = callerId,
            WaitTime = waitTime,
            MaxRetries = maxRetries,
            RetryTime = retryTime,
            Account = account ?? string.Empty,
            Context = context,
            Extension = extension,
            Priority = priority,
            Application = string.IsNullOrEmpty(application) ? null : application,
            Data = data ?? string.Empty,
            Variables = variables,
            Archive = archive,
            Retries = retries,
        };
        return true;
    }

    /// <summary>A '#' or ';' starts a comment at the line start or after a blank (so <c>Data: 12#</c> keeps its '#').</summary>
    private static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] is '#' or ';' && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return line[..i];
            }
        }

        return line;
    }
}
