namespace Switchboard.Dialplan.Loading;

/// <summary>
/// Splits <c>pattern[/callerid],priority[(label)],App(args)</c> as pbx_config does: commas inside a
/// pattern's <c>[...]</c> do not split, the application's arguments run from the first <c>(</c> to the last
/// <c>)</c>, and the old form <c>App,args</c> is accepted.
/// </summary>
internal static class ExtenLineParser
{
    /// <summary>Parses a full <c>exten</c> value.</summary>
    public static bool TryParseExten(string value, out ExtenLine line, out string? error)
    {
        line = default;
        var comma = FindExtenEnd(value);
        if (comma < 0)
        {
            error = $"'{value}' has no priority (expected exten => pattern,priority,Application(args))";
            return false;
        }

        var exten = value[..comma].Trim();
        string? cid = null;
        var slash = exten.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            cid = exten[(slash + 1)..].Trim();
            exten = exten[..slash].Trim();
        }

        if (exten.Length == 0)
        {
            error = "empty extension name";
            return false;
        }

        if (!TryParseRest(value[(comma + 1)..], out var rest, out error))
        {
            return false;
        }

        line = rest with { Exten = exten, CallerId = cid };
        return true;
    }

    /// <summary>Parses the value of <c>same =&gt;</c> (priority and application only).</summary>
    public static bool TryParseRest(string value, out ExtenLine line, out string? error)
    {
        line = default;
        error = null;
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var priorityText = (comma < 0 ? value : value[..comma]).Trim();
        var appText = comma < 0 ? string.Empty : value[(comma + 1)..].TrimStart();
        string? label = null;
        var open = priorityText.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = priorityText.IndexOf(')', open + 1);
            label = (close < 0 ? priorityText[(open + 1)..] : priorityText[(open + 1)..close]).Trim();
            priorityText = priorityText[..open].Trim();
        }

        if (priorityText.Length == 0)
        {
            error = "missing priority";
            return false;
        }

        string app;
        string args;
        var missingClose = false;
        var paren = appText.IndexOf('(', StringComparison.Ordinal);
        var oldComma = appText.IndexOf(',', StringComparison.Ordinal);
        if (paren >= 0 && (oldComma < 0 || paren < oldComma))
        {
            app = appText[..paren].Trim();
            var last = appText.LastIndexOf(')');
            if (last < paren)
            {
                missingClose = true;
                args = appText[(paren + 1)..];
            }
            else
            {
                args = appText[(paren + 1)..last];
            }
        }
        else if (oldComma >= 0)
        {
            app = appText[..oldComma].Trim();
            args = appText[(oldComma + 1)..];
        }
        else
        {
            app = appText.Trim();
            args = string.Empty;
        }

        line = new ExtenLine(string.Empty, null, priorityText, label, app, args, missingClose);
        return true;
    }

    private static int FindExtenEnd(string value)
    {
        var bracket = 0;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '[':
                    bracket++;
                    break;
                case ']':
                    if (bracket > 0)
                    {
                        bracket--;
                    }

                    break;
                case ',' when bracket == 0:
                    return i;
            }
        }

        return -1;
    }
}
