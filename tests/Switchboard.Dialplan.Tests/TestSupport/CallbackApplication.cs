using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>An application that runs a test callback (stands in for Dial, MinivmRecord ... that Core provides).</summary>
internal sealed class CallbackApplication(string name, Func<DialplanContext, string, AppResult> callback) : IDialplanApplication
{
    public List<string> Calls { get; } = [];

    public string Name => name;

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        Calls.Add(args);
        return ValueTask.FromResult(callback(context, args));
    }
}
