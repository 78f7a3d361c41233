using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>An application with a bug.</summary>
internal sealed class ThrowingApplication : IDialplanApplication
{
    public string Name => "Explode";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("boom");
}
