namespace Switchboard.Config.Parsing;

/// <summary>A parsed <c>[name](options)</c> line.</summary>
internal sealed class CategoryHeader
{
    private CategoryHeader(string name, bool isTemplate, bool isAppend, IReadOnlyList<string> templates, string? trailing)
    {
        Name = name;
        IsTemplate = isTemplate;
        IsAppend = isAppend;
        Templates = templates;
        Trailing = trailing;
    }

    public string Name { get; }

    public bool IsTemplate { get; }

    /// <summary>True for <c>(+)</c>: add entries to an earlier category of the same name.</summary>
    public bool IsAppend { get; }

    public IReadOnlyList<string> Templates { get; }

    /// <summary>Non-blank text after the header, if any (ignored with a warning).</summary>
    public string? Trailing { get; }

    /// <summary>Parses a trimmed line that starts with '['. Returns null and an error message on bad syntax.</summary>
    public static CategoryHeader? TryParse(string line, out string? error)
    {
        error = null;
        var close = line.IndexOf(']', 1);
        if (close < 0)
        {
            error = $"missing ']' in category header '{line}'";
            return null;
        }

        var name = line[1..close].Trim();
        if (name.Length == 0)
        {
            error = "empty category name '[]'";
            return null;
        }

        var rest = line[(close + 1)..].TrimStart();
        var isTemplate = false;
        var isAppend = false;
        var templates = new List<string>();
        while (rest.StartsWith('('))
        {
            var end = rest.IndexOf(')');
            if (end < 0)
            {
                error = $"missing ')' after category '[{name}]'";
                return null;
            }

            foreach (var raw in rest[1..end].Split(','))
            {
                var opt = raw.Trim();
                if (opt.Length == 0)
                {
                    continue;
                }

                if (opt == "!")
                {
                    isTemplate = true;
                }
                else if (opt == "+")
                {
                    isAppend = true;
                }
                else
                {
                    templates.Add(opt);
                }
            }

            rest = rest[(end + 1)..].TrimStart();
        }

        return new CategoryHeader(name, isTemplate, isAppend, templates, rest.Length == 0 ? null : rest);
    }
}
