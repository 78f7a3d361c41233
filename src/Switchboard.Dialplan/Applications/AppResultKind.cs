namespace Switchboard.Dialplan.Applications;

/// <summary>What the executor does after an application returns.</summary>
public enum AppResultKind
{
    /// <summary>Go on with the next priority.</summary>
    Continue,

    /// <summary>Jump to <see cref="AppResult.Target"/>.</summary>
    Goto,

    /// <summary>The call is over (Hangup(), Busy(), the channel hung up): stop and run the h extension.</summary>
    Hangup,

    /// <summary>The application failed: stop, as Asterisk does when an application returns -1.</summary>
    Error,

    /// <summary>The caller pressed digits (Background, WaitExten): collect the rest and jump to that extension.</summary>
    CollectDigits,
}
