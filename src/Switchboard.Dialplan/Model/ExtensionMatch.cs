namespace Switchboard.Dialplan.Model;

/// <summary>The result of a dialplan lookup: the extension found, the context it was found in (possibly an
/// included one) and the priority asked for.</summary>
/// <param name="FoundIn">The context holding the extension.</param>
/// <param name="Extension">The matching extension.</param>
/// <param name="Priority">The priority asked for.</param>
public readonly record struct ExtensionMatch(Context FoundIn, Extension Extension, Priority Priority);
