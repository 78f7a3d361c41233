using Switchboard.Config.Pjsip.Wizard;

namespace Switchboard.Config.Pjsip;

/// <summary>All PJSIP objects of one configuration (pjsip.conf and pjsip_wizard.conf). Immutable.</summary>
public sealed class PjsipConfig
{
    internal PjsipConfig(
        PjsipGlobal global,
        IEnumerable<PjsipTransport> transports,
        IEnumerable<PjsipEndpoint> endpoints,
        IEnumerable<PjsipAor> aors,
        IEnumerable<PjsipAuth> auths,
        IEnumerable<PjsipIdentify> identifies,
        IEnumerable<PjsipRegistration> registrations,
        IReadOnlyList<WizardHint> hints)
    {
        Global = global;
        Transports = new PjsipObjectSet<PjsipTransport>(transports);
        Endpoints = new PjsipObjectSet<PjsipEndpoint>(endpoints);
        Aors = new PjsipObjectSet<PjsipAor>(aors);
        Auths = new PjsipObjectSet<PjsipAuth>(auths);
        Identifies = new PjsipObjectSet<PjsipIdentify>(identifies);
        Registrations = new PjsipObjectSet<PjsipRegistration>(registrations);
        Hints = hints;
    }

    /// <summary>A configuration with no objects and default globals.</summary>
    public static PjsipConfig Empty { get; } = new(PjsipGlobal.Default, [], [], [], [], [], [], []);

    /// <summary>The global settings (defaults when there is no type=global).</summary>
    public PjsipGlobal Global { get; }

    /// <summary>Transports.</summary>
    public PjsipObjectSet<PjsipTransport> Transports { get; }

    /// <summary>Endpoints.</summary>
    public PjsipObjectSet<PjsipEndpoint> Endpoints { get; }

    /// <summary>Addresses of record.</summary>
    public PjsipObjectSet<PjsipAor> Aors { get; }

    /// <summary>Auth objects.</summary>
    public PjsipObjectSet<PjsipAuth> Auths { get; }

    /// <summary>Identify objects.</summary>
    public PjsipObjectSet<PjsipIdentify> Identifies { get; }

    /// <summary>Outbound registrations.</summary>
    public PjsipObjectSet<PjsipRegistration> Registrations { get; }

    /// <summary>Dialplan hints requested by wizards (has_hint=yes with hint_exten).</summary>
    public IReadOnlyList<WizardHint> Hints { get; }
}
