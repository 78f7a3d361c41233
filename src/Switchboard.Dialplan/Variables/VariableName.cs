namespace Switchboard.Dialplan.Variables;

/// <summary>Helpers for Asterisk variable names and their inheritance prefixes (<c>_VAR</c>, <c>__VAR</c>).</summary>
public static class VariableName
{
    /// <summary>The name without its <c>_</c> or <c>__</c> inheritance prefix.</summary>
    public static ReadOnlySpan<char> StripInheritance(ReadOnlySpan<char> name)
    {
        if (name.Length > 1 && name[0] == '_' && name[1] == '_')
        {
            return name[2..];
        }

        return name.Length > 0 && name[0] == '_' ? name[1..] : name;
    }

    /// <summary>True when the two names refer to the same variable (prefixes ignored, case-sensitive as in Asterisk 12+).</summary>
    public static bool SameVariable(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        StripInheritance(a).SequenceEqual(StripInheritance(b));
}
