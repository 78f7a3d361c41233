using Switchboard.Core.Sip;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Tests.Sip.Overload;

/// <summary>A request handler that only remembers the transactions it was given (it answers nothing itself).</summary>
internal sealed class RecordingHandler : ISipRequestHandler
{
    public List<ServerTransaction> Handled { get; } = [];

    public void Handle(SipRequestContext context) => Handled.Add(context.Transaction);
}
