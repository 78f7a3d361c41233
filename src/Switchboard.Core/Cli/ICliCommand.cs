namespace Switchboard.Core.Cli;

/// <summary>
/// One CLI command with Asterisk's words (e.g. "pjsip show endpoints"). Reached from <c>switchboard -rx</c>, the
/// interactive console and AMI's Command action.
/// </summary>
public interface ICliCommand
{
    /// <summary>The fixed words that select the command, lower case (e.g. ["pjsip", "show", "endpoints"]).</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>One-line summary for <c>help</c>.</summary>
    string Summary { get; }

    /// <summary>Usage text printed on a wrong invocation.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the fixed words. Returns 0 on success.</summary>
    ValueTask<int> ExecuteAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
