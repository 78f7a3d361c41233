using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>Trace(args): records its substituted arguments so tests can follow the flow.</summary>
internal sealed class TraceApplication(string name = "Trace") : IDialplanApplication
{
    public List<string> Calls { get; } = [];

    public string Name => name;

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        Calls.Add(args);
        return ValueTask.FromResult(AppResult.Continue);
    }
}
