namespace Switchboard.Hosting;

/// <summary>The order in which shutdown callbacks run (lower first).</summary>
internal enum ShutdownPhase
{
    /// <summary>Close listeners: no new registrations, calls or connections.</summary>
    StopAccepting = 0,

    /// <summary>End calls cleanly (BYE on every dialog), finish in-flight transactions.</summary>
    EndCalls = 1,

    /// <summary>Persist state: registrations, AstDB, AutoBan jail, spools.</summary>
    SaveState = 2,

    /// <summary>Run the exit.d hooks.</summary>
    ExitHooks = 3,

    /// <summary>Last words: flush logs, dispose.</summary>
    Final = 4,
}
