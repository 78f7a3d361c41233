namespace Switchboard.Dialplan.Execution;

/// <summary>Caller identity of a channel, as CALLERID() reads and writes it.</summary>
/// <param name="Number">Caller number (CALLERID(num)).</param>
/// <param name="Name">Caller name (CALLERID(name)).</param>
/// <param name="Ani">Automatic number identification (CALLERID(ani)).</param>
/// <param name="Dnid">Dialled number (CALLERID(dnid)).</param>
/// <param name="Rdnis">Redirecting number (CALLERID(rdnis)).</param>
public sealed record CallerIdInfo(string Number = "", string Name = "", string Ani = "", string Dnid = "", string Rdnis = "")
{
    /// <summary>No caller id.</summary>
    public static CallerIdInfo Empty { get; } = new();

    /// <summary><c>"Name" &lt;Number&gt;</c>, as CALLERID(all) prints it.</summary>
    public string All => Name.Length > 0 ? $"\"{Name}\" <{Number}>" : Number.Length > 0 ? $"<{Number}>" : string.Empty;

    /// <summary>Parses <c>"Name" &lt;number&gt;</c>, <c>Name &lt;number&gt;</c> or a bare number.</summary>
    public static (string Name, string Number) ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lt = text.LastIndexOf('<');
        var gt = text.LastIndexOf('>');
        if (lt >= 0 && gt > lt)
        {
            var number = text[(lt + 1)..gt].Trim();
            var name = text[..lt].Trim().Trim('"').Trim();
            return (name, number);
        }

        var t = text.Trim().Trim('"');
        var isNumber = t.Length > 0;
        foreach (var c in t)
        {
            if (!char.IsAsciiDigit(c) && c is not '+' and not '*' and not '#' and not '-' and not ' ')
            {
                isNumber = false;
                break;
            }
        }

        return isNumber ? (string.Empty, t) : (t, string.Empty);
    }
}
