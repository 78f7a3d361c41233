using Switchboard.Config.Parsing;

namespace Switchboard.Config.Pjsip.Wizard;

/// <summary>An object a wizard generates, as the option list Asterisk's wizard would apply to it.</summary>
/// <param name="TypeName">endpoint, aor, auth, identify or registration.</param>
/// <param name="Name">The generated id (X, X-iauth, X-oauth, X-identify, X-reg-N).</param>
/// <param name="Entries">Options in apply order (prefix removed; file:line of the wizard entry they came from).</param>
/// <param name="File">File of the wizard.</param>
/// <param name="Line">Line of the wizard header.</param>
public sealed record GeneratedObject(string TypeName, string Name, IReadOnlyList<ConfEntry> Entries, string File, int Line);
