using System.Collections.Concurrent;

namespace Switchboard.Dialplan.Functions;

/// <summary>The dialplan functions known to the engine. Core adds PJSIP_ENDPOINT, MESSAGE, ... through <see cref="Register"/>.</summary>
public sealed class FunctionRegistry
{
    private readonly ConcurrentDictionary<string, IDialplanFunction> _functions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces a function.</summary>
    public void Register(IDialplanFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _functions[function.Name] = function;
    }

    /// <summary>Finds a function by name.</summary>
    public bool TryGet(string name, out IDialplanFunction function) => _functions.TryGetValue(name, out function!);

    /// <summary>True when the name is registered.</summary>
    public bool Contains(string name) => _functions.ContainsKey(name);

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>(_functions.Keys);
            names.Sort(StringComparer.OrdinalIgnoreCase);
            return names;
        }
    }
}
