namespace Switchboard.Dialplan.Cli;

/// <summary>Text a CLI command prints and whether it succeeded (Asterisk's CLI_SUCCESS / CLI_FAILURE).</summary>
/// <param name="Text">The output.</param>
/// <param name="Success">False when the command failed (e.g. no such context).</param>
public readonly record struct DialplanCliOutput(string Text, bool Success);
