using System.Collections.Concurrent;

namespace Switchboard.Dialplan.Applications;

/// <summary>The dialplan applications known to the engine. Core adds Dial, MusicOnHold, MessageSend, AGI ... through <see cref="Register"/>.</summary>
public sealed class ApplicationRegistry
{
    private readonly ConcurrentDictionary<string, IDialplanApplication> _applications = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces an application.</summary>
    public void Register(IDialplanApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        _applications[application.Name] = application;
    }

    /// <summary>Finds an application by name.</summary>
    public bool TryGet(string name, out IDialplanApplication application) => _applications.TryGetValue(name, out application!);

    /// <summary>True when the name is registered.</summary>
    public bool Contains(string name) => _applications.ContainsKey(name);

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>(_applications.Keys);
            names.Sort(StringComparer.OrdinalIgnoreCase);
            return names;
        }
    }
}
