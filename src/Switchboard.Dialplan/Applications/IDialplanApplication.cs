using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>A dialplan application such as <c>Answer</c> or <c>Dial</c>.</summary>
public interface IDialplanApplication
{
    /// <summary>The name (looked up case-insensitively).</summary>
    string Name { get; }

    /// <summary>Runs with the argument text already substituted.</summary>
    ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken);
}
