namespace Switchboard.Config.Pjsip.Wizard;

/// <summary>Everything the wizards of pjsip_wizard.conf generate.</summary>
/// <param name="Objects">Generated objects in generation order.</param>
/// <param name="Hints">Requested dialplan hints.</param>
public sealed record WizardExpansion(IReadOnlyList<GeneratedObject> Objects, IReadOnlyList<WizardHint> Hints)
{
    /// <summary>Nothing generated.</summary>
    public static WizardExpansion Empty { get; } = new([], []);
}
