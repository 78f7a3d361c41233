namespace Switchboard.Dialplan.Execution;

/// <summary>Why the dialplan stopped running a channel.</summary>
public enum DialplanExitReason
{
    /// <summary>The channel hung up.</summary>
    HungUp,

    /// <summary>An application ended the call (Hangup(), Busy(), Congestion()).</summary>
    HangupApplication,

    /// <summary>The extension ran out of priorities (auto-fallthrough).</summary>
    Fallthrough,

    /// <summary>The channel was sent to an extension that does not exist and there is no <c>i</c> extension.</summary>
    InvalidExtension,

    /// <summary>An application failed (e.g. Goto to a missing label).</summary>
    ApplicationError,

    /// <summary>A priority names an application that is not registered.</summary>
    ApplicationNotFound,

    /// <summary>More priorities ran than <see cref="DialplanEngineOptions.MaxSteps"/> allows.</summary>
    StepBudgetExceeded,

    /// <summary>The run was cancelled (shutdown).</summary>
    Cancelled,
}
