namespace Switchboard.Dialplan.Model;

/// <summary>The <c>[general]</c> options of extensions.conf that change behaviour.</summary>
public sealed record DialplanSettings
{
    /// <summary>autofallthrough (default yes): a channel that runs off the end of its extension is hung up.</summary>
    public bool AutoFallthrough { get; init; } = true;

    /// <summary>clearglobalvars (default no): a reload removes globals that are no longer in [globals].</summary>
    public bool ClearGlobalVars { get; init; }

    /// <summary>static (kept for show only).</summary>
    public bool Static { get; init; } = true;

    /// <summary>writeprotect (kept for show only).</summary>
    public bool WriteProtect { get; init; }

    /// <summary>
    /// allow_system (Switchboard, default no): System() runs shell commands only when this is yes. A shell in a
    /// hardened image is an attack surface, so it is off unless asked for.
    /// </summary>
    public bool AllowSystem { get; init; }
}
