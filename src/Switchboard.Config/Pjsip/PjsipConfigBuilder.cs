using Switchboard.Config.Diagnostics;
using Switchboard.Config.Pjsip.Wizard;

namespace Switchboard.Config.Pjsip;

/// <summary>Collects objects while loading, rejecting duplicate ids per type.</summary>
internal sealed class PjsipConfigBuilder
{
    private readonly List<PjsipTransport> _transports = [];
    private readonly List<PjsipEndpoint> _endpoints = [];
    private readonly List<PjsipAor> _aors = [];
    private readonly List<PjsipAuth> _auths = [];
    private readonly List<PjsipIdentify> _identifies = [];
    private readonly List<PjsipRegistration> _registrations = [];
    private readonly List<WizardHint> _hints = [];
    private readonly Dictionary<(string Type, string Name), PjsipObject> _seen = [];

    public PjsipGlobal? Global { get; set; }

    /// <summary>Objects that had errors and were left out (type, name); references to them are not reported again.</summary>
    public HashSet<(string Type, string Name)> Failed { get; } = [];

    public void AddHints(IEnumerable<WizardHint> hints) => _hints.AddRange(hints);

    public void Add(PjsipObject obj, DiagnosticBag diagnostics)
    {
        if (obj is PjsipGlobal g)
        {
            Global = g;
            return;
        }

        if (_seen.TryGetValue((obj.TypeName, obj.Name), out var first))
        {
            diagnostics.Error(obj.SourceFile, obj.SourceLine,
                $"duplicate {obj.TypeName} '{obj.Name}' (first defined at {first.SourceFile}:{first.SourceLine}); this one is ignored");
            return;
        }

        _seen.Add((obj.TypeName, obj.Name), obj);
        switch (obj)
        {
            case PjsipTransport t: _transports.Add(t); break;
            case PjsipEndpoint e: _endpoints.Add(e); break;
            case PjsipAor a: _aors.Add(a); break;
            case PjsipAuth a: _auths.Add(a); break;
            case PjsipIdentify i: _identifies.Add(i); break;
            case PjsipRegistration r: _registrations.Add(r); break;
            default: throw new ArgumentException($"unexpected object type {obj.GetType().Name}", nameof(obj));
        }
    }

    public PjsipConfig Build() =>
        new(Global ?? PjsipGlobal.Default, _transports, _endpoints, _aors, _auths, _identifies, _registrations, _hints.ToArray());
}
