namespace Switchboard.Dialplan.Functions;

/// <summary>The outcome of reading or writing a dialplan function: a value, or an error Asterisk would log.</summary>
/// <param name="Success">False when the call failed (the value is then empty).</param>
/// <param name="Value">The value read (empty for writes).</param>
/// <param name="Error">Why it failed, or null.</param>
public readonly record struct FunctionResult(bool Success, string Value, string? Error)
{
    /// <summary>A successful result.</summary>
    public static FunctionResult Ok(string value) => new(true, value, null);

    /// <summary>A successful write.</summary>
    public static FunctionResult Written => new(true, string.Empty, null);

    /// <summary>A failure with a message.</summary>
    public static FunctionResult Fail(string error) => new(false, string.Empty, error);
}
