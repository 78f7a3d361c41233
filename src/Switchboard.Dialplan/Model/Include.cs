using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Model;

/// <summary><c>include => other[,timespec]</c>: another context searched after this one's own extensions.</summary>
/// <param name="ContextName">The included context.</param>
/// <param name="When">The time limitation, or null for always.</param>
/// <param name="File">Where it was written.</param>
/// <param name="Line">Line where it was written.</param>
public sealed record Include(string ContextName, TimeSpec? When, string File, int Line)
{
    /// <summary>The include as written (name plus time spec), as <c>dialplan show</c> prints it.</summary>
    public string Display => When is null ? ContextName : $"{ContextName},{When.Text}";
}
