using System.Globalization;
using Switchboard.Core.Originate;

namespace Switchboard.Manager.Seams;

/// <summary>Reads AMI Originate headers (Channel, Exten, Context, Priority, Application, Data, CallerID, Variable, Timeout in ms, Account, Async).</summary>
internal static class AmiOriginateRequest
{
    public static bool TryRead(IReadOnlyList<KeyValuePair<string, string>> headers, out OriginateRequest? request, out bool async, out string? actionId, out string? error)
    {
        request = null;
        async = false;
        actionId = null;
        error = null;
        string? channel = null, exten = null, context = null, application = null, data = null, callerId = null, account = null;
        int priority = 1;
        var timeout = TimeSpan.FromSeconds(30);
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var (key, raw) in headers)
        {
            var value = raw.Trim();
            switch (key.ToLowerInvariant())
            {
                case "channel": channel = value; break;
                case "exten": exten = value; break;
                case "context": context = value; break;
                case "application": application = value; break;
                case "data": data = raw; break;
                case "callerid": callerId = value; break;
                case "account": account = value; break;
                case "actionid": actionId = value; break;
                case "async": async = value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1"; break;
                case "priority":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out priority) || priority < 1)
                    {
                        error = "Invalid priority";
                        return false;
                    }

                    break;
                case "timeout":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
                    {
                        error = "Invalid timeout";
                        return false;
                    }

                    timeout = TimeSpan.FromMilliseconds(ms);
                    break;
                case "variable":
                    foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        int eq = pair.IndexOf('=', StringComparison.Ordinal);
                        if (eq > 0)
                        {
                            variables.Add(new(pair[..eq], pair[(eq + 1)..]));
                        }
                    }

                    break;
            }
        }

        if (string.IsNullOrEmpty(channel))
        {
            error = "Channel not specified";
            return false;
        }

        request = new OriginateRequest
        {
            Channel = channel,
            Exten = string.IsNullOrEmpty(application) ? (string.IsNullOrEmpty(exten) ? null : exten) : null,
            Context = string.IsNullOrEmpty(context) ? "default" : context,
            Priority = priority,
            Application = string.IsNullOrEmpty(application) ? null : application,
            Data = data ?? string.Empty,
            CallerId = callerId,
            Variables = variables,
            Timeout = timeout,
            Account = account ?? string.Empty,
        };
        return true;
    }
}
