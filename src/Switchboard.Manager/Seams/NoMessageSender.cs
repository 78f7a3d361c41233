namespace Switchboard.Manager.Seams;

/// <summary>MessageSend before messaging exists.</summary>
public sealed class NoMessageSender : IAmiMessageSender
{
    public static NoMessageSender Instance { get; } = new();

    public ValueTask<AmiSeamResult> SendAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
        => ValueTask.FromResult(AmiSeamResult.NotAvailable("MessageSend"));
}
