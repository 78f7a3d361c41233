using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Applications;

/// <summary>The result of an application: continue, jump, hang up, fail, or start digit collection. No exceptions.</summary>
public readonly struct AppResult
{
    private AppResult(AppResultKind kind, DialplanLocation target, string? message, string? digits, string? digitContext)
    {
        Kind = kind;
        Target = target;
        Message = message;
        Digits = digits;
        DigitContext = digitContext;
    }

    /// <summary>What to do next.</summary>
    public AppResultKind Kind { get; }

    /// <summary>Where to jump (for <see cref="AppResultKind.Goto"/>).</summary>
    public DialplanLocation Target { get; }

    /// <summary>Why the application failed (for <see cref="AppResultKind.Error"/>).</summary>
    public string? Message { get; }

    /// <summary>Digits already received (for <see cref="AppResultKind.CollectDigits"/>).</summary>
    public string? Digits { get; }

    /// <summary>Context in which to look the digits up, or null for the current one.</summary>
    public string? DigitContext { get; }

    /// <summary>Next priority.</summary>
    public static AppResult Continue => new(AppResultKind.Continue, default, null, null, null);

    /// <summary>Stop: the call is over.</summary>
    public static AppResult Hangup => new(AppResultKind.Hangup, default, null, null, null);

    /// <summary>Jump to a location.</summary>
    public static AppResult Goto(DialplanLocation target) => new(AppResultKind.Goto, target, null, null, null);

    /// <summary>Fail with a message (the call ends).</summary>
    public static AppResult Error(string message) => new(AppResultKind.Error, default, message, null, null);

    /// <summary>Digits were pressed; the executor collects more and jumps.</summary>
    public static AppResult CollectDigits(string digits, string? context = null) => new(AppResultKind.CollectDigits, default, null, digits, context);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        AppResultKind.Goto => $"Goto({Target})",
        AppResultKind.Error => $"Error({Message})",
        AppResultKind.CollectDigits => $"CollectDigits({Digits})",
        _ => Kind.ToString(),
    };
}
