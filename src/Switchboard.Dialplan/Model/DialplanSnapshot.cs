namespace Switchboard.Dialplan.Model;

/// <summary>
/// A complete, immutable dialplan as loaded from extensions.conf (plus hints added by the caller). A reload
/// builds a new snapshot and swaps it in; running channels see the new one at their next step.
/// </summary>
public sealed class DialplanSnapshot
{
    private readonly Dictionary<string, Context> _byName;

    /// <summary>Creates a snapshot from finished contexts.</summary>
    public DialplanSnapshot(
        IReadOnlyList<Context> contexts,
        DialplanSettings settings,
        IReadOnlyList<KeyValuePair<string, string>> globals,
        IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(globals);
        Contexts = [.. contexts];
        _byName = new Dictionary<string, Context>(StringComparer.Ordinal);
        var hints = new List<HintEntry>();
        for (var i = 0; i < Contexts.Count; i++)
        {
            var c = Contexts[i];
            c.Index = i;
            _byName[c.Name] = c;
            foreach (var e in c.Extensions)
            {
                if (e.Hint is not null)
                {
                    hints.Add(new HintEntry(e.Name, c.Name, e.Hint));
                }
            }
        }

        Hints = hints;
        Settings = settings;
        Globals = [.. globals];
        Files = files ?? [];
    }

    /// <summary>An empty dialplan.</summary>
    public static DialplanSnapshot Empty { get; } = new([], new DialplanSettings(), [], []);

    /// <summary>Contexts in the order they were first defined.</summary>
    public IReadOnlyList<Context> Contexts { get; }

    /// <summary>Every hint, in context order.</summary>
    public IReadOnlyList<HintEntry> Hints { get; }

    /// <summary>The <c>[general]</c> options.</summary>
    public DialplanSettings Settings { get; }

    /// <summary>The <c>[globals]</c> values, in order, already substituted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Globals { get; }

    /// <summary>The files the dialplan was read from.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Finds a context by name (case-sensitive).</summary>
    public bool TryGetContext(string name, out Context context) => _byName.TryGetValue(name, out context!);

    /// <summary>True when the context exists.</summary>
    public bool HasContext(string name) => _byName.ContainsKey(name);

    /// <summary>Finds <paramref name="priority"/> of the best extension matching <paramref name="exten"/> in the context or its includes.</summary>
    public bool TryFindPriority(string context, string exten, int priority, string? callerId, TimeProvider time, out ExtensionMatch match) =>
        ExtensionSearch.TryFind(this, context, exten, SearchMode.Priority, priority, null, callerId, time, out match);

    /// <summary>Finds the priority labelled <paramref name="label"/>.</summary>
    public bool TryFindLabel(string context, string exten, string label, string? callerId, TimeProvider time, out ExtensionMatch match) =>
        ExtensionSearch.TryFind(this, context, exten, SearchMode.Label, 0, label, callerId, time, out match);

    /// <summary>True when priority <paramref name="priority"/> exists for the dialled string.</summary>
    public bool Exists(string context, string exten, int priority, string? callerId, TimeProvider time) =>
        TryFindPriority(context, exten, priority, callerId, time, out _);

    /// <summary>True when the dialled string could match (now or with more digits).</summary>
    public bool CanMatch(string context, string exten, string? callerId, TimeProvider time) =>
        ExtensionSearch.TryFind(this, context, exten, SearchMode.CanMatch, 1, null, callerId, time, out _);

    /// <summary>True when more digits could still lead to a match (so digit collection should go on).</summary>
    public bool MatchMore(string context, string exten, string? callerId, TimeProvider time) =>
        ExtensionSearch.TryFind(this, context, exten, SearchMode.MatchMore, 1, null, callerId, time, out _);

    /// <summary>The hint for <c>exten@context</c> (patterns and includes searched as Asterisk does), or null.</summary>
    public string? FindHint(string context, string exten, TimeProvider time) =>
        ExtensionSearch.TryFind(this, context, exten, SearchMode.Hint, 0, null, null, time, out var m) ? m.Extension.Hint : null;
}
