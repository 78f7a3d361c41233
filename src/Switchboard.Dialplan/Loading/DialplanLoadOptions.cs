namespace Switchboard.Dialplan.Loading;

/// <summary>What the loader needs besides the parsed file.</summary>
public sealed record DialplanLoadOptions
{
    /// <summary>Options with no application check and no extra hints.</summary>
    public static DialplanLoadOptions Default { get; } = new();

    /// <summary>
    /// Tells whether an application name is registered. When set, unknown applications are reported as
    /// warnings with file:line (they fail at run time, as in Asterisk). Null skips the check.
    /// </summary>
    public Func<string, bool>? IsKnownApplication { get; init; }

    /// <summary>Hints to add (the PJSIP wizard's <c>has_hint</c>); a hint already in extensions.conf wins.</summary>
    public IReadOnlyList<HintDefinition> ExtraHints { get; init; } = [];
}
