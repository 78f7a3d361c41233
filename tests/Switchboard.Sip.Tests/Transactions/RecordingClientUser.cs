using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>Records client transaction callbacks.</summary>
internal sealed class RecordingClientUser(FakeTimeProvider time) : IClientTransactionUser
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public List<int> Responses { get; } = [];

    public List<string> ResponseToTags { get; } = [];

    /// <summary>The transaction's user state at each response.</summary>
    public List<object?> ResponseUserStates { get; } = [];

    public List<(TransactionFailure Failure, double AtMs)> Failures { get; } = [];

    /// <summary>Set while <see cref="TransactionLayer.SendRequest"/> runs to detect re-entrant callbacks.</summary>
    public bool InsideSend { get; set; }

    public bool CalledInsideSend { get; private set; }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        Responses.Add(response.StatusCode);
        ResponseUserStates.Add(transaction.UserState);
        ResponseToTags.Add(response.TryGetTo(out var to) ? System.Text.Encoding.ASCII.GetString(to.Tag.Span) : "");
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
        CalledInsideSend |= InsideSend;
        Failures.Add((failure, (time.GetUtcNow() - _start).TotalMilliseconds));
    }
}
