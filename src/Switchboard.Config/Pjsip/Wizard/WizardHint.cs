namespace Switchboard.Config.Pjsip.Wizard;

/// <summary>
/// A dialplan hint a wizard asks for: <c>exten =&gt; Exten,hint,Device</c> in <c>Context</c>, and when
/// <see cref="Application"/> is set also <c>exten =&gt; Exten,1,Application</c>.
/// </summary>
/// <param name="Exten">hint_exten.</param>
/// <param name="Context">hint_context (default: endpoint/context, else "default").</param>
/// <param name="Device">Always <c>PJSIP/&lt;wizard name&gt;</c>.</param>
/// <param name="Application">hint_application, or empty.</param>
/// <param name="WizardName">The wizard that produced it.</param>
/// <param name="File">File of the wizard.</param>
/// <param name="Line">Line of the wizard header.</param>
public sealed record WizardHint(string Exten, string Context, string Device, string Application, string WizardName, string File, int Line);
