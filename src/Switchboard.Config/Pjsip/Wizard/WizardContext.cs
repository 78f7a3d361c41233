using System.Text;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Reading;

namespace Switchboard.Config.Pjsip.Wizard;

/// <summary>The wizard category being expanded, with helpers to read its options and build generated option lists.</summary>
internal sealed class WizardContext
{
    private readonly ConfCategory _wizard;

    public WizardContext(ConfCategory wizard, OptionReader reader, IReadOnlyList<string> remoteHosts)
    {
        _wizard = wizard;
        Reader = reader;
        RemoteHosts = remoteHosts;
    }

    public string Id => _wizard.Name;

    public string File => _wizard.File;

    public int Line => _wizard.Line;

    public OptionReader Reader { get; }

    public IReadOnlyList<string> RemoteHosts { get; }

    /// <summary>Last value of a wizard option (as Asterisk's ast_variable_find_last_in_list).</summary>
    public string? Last(string key) => _wizard.Get(key);

    /// <summary>True when the last value of the option is a true word (ast_true).</summary>
    public bool IsTrue(string key)
    {
        var v = Last(key);
        return v is not null && OptionReader.TryParseBool(v, out var b) && b;
    }

    /// <summary>The entries whose key starts with <paramref name="prefix"/>, prefix removed, in order.</summary>
    public List<ConfEntry> Vars(string prefix)
    {
        var list = new List<ConfEntry>();
        foreach (var e in _wizard.Entries)
        {
            if (e.Key.Length > prefix.Length && e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(e with { Key = e.Key[prefix.Length..] });
            }
        }

        return list;
    }

    public void Append(List<ConfEntry> vars, string key, string value) =>
        vars.Add(new ConfEntry(key, value, false, File, Line));

    public void AppendIfSet(List<ConfEntry> vars, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Append(vars, key, value);
        }
    }

    /// <summary>Replaces <c>${REMOTE_HOST}</c> and <c>${USERNAME}</c>; any other <c>${VAR}</c> becomes empty, as in Asterisk.</summary>
    public string Substitute(string pattern, string remoteHost, string username)
    {
        var sb = new StringBuilder(pattern.Length + 32);
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                var close = pattern.IndexOf('}', i + 2);
                if (close > 0)
                {
                    var name = pattern[(i + 2)..close];
                    if (name == "REMOTE_HOST")
                    {
                        sb.Append(remoteHost);
                    }
                    else if (name == "USERNAME")
                    {
                        sb.Append(username);
                    }
                    else
                    {
                        Reader.Warning(File, Line, $"unknown variable '${{{name}}}' in pattern '{pattern}' replaced by nothing");
                    }

                    i = close + 1;
                    continue;
                }
            }

            sb.Append(pattern[i]);
            i++;
        }

        return sb.ToString();
    }
}
