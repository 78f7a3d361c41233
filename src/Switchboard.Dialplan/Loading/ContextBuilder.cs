using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Patterns;

namespace Switchboard.Dialplan.Loading;

/// <summary>Collects one context (all its <c>[name]</c> sections) while the file is read.</summary>
internal sealed class ContextBuilder(string name, string file, int line)
{
    private readonly Dictionary<string, ExtensionBuilder> _byKey = new(StringComparer.Ordinal);
    private readonly List<ExtensionBuilder> _extensions = [];

    public string Name { get; } = name;

    public string File { get; } = file;

    public int Line { get; } = line;

    public List<Include> Includes { get; } = [];

    public List<string> IgnorePatterns { get; } = [];

    public ExtensionBuilder GetOrAdd(ExtensionPattern pattern, ExtensionPattern? callerId, string file, int line)
    {
        var key = callerId is null ? pattern.Key : pattern.Key + "/" + callerId.Key;
        if (!_byKey.TryGetValue(key, out var builder))
        {
            builder = new ExtensionBuilder(pattern, callerId, file, line);
            _byKey[key] = builder;
            _extensions.Add(builder);
        }

        return builder;
    }

    public Context Build()
    {
        var extensions = new List<Extension>(_extensions.Count);
        foreach (var b in _extensions)
        {
            extensions.Add(b.Build());
        }

        extensions.Sort(CompareExtensions);
        return new Context(Name, extensions, Includes, IgnorePatterns, File, Line);
    }

    /// <summary>Asterisk's order: by pattern; for equal patterns, the one with a caller-id match first.</summary>
    private static int CompareExtensions(Extension a, Extension b)
    {
        var r = a.Pattern.CompareTo(b.Pattern);
        if (r != 0)
        {
            return r;
        }

        if (a.CallerId is null)
        {
            return b.CallerId is null ? 0 : 1;
        }

        return b.CallerId is null ? -1 : a.CallerId.CompareTo(b.CallerId);
    }
}
