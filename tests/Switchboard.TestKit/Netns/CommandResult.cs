namespace Switchboard.TestKit.Netns;

/// <summary>Exit code and output of an external command.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Success => ExitCode == 0;
}
