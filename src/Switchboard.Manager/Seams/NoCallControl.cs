namespace Switchboard.Manager.Seams;

/// <summary>The call-control seam before calls exist: no channels, and every call action is "not available".</summary>
public sealed class NoCallControl : IAmiCallControl
{
    public static NoCallControl Instance { get; } = new();

    public IReadOnlyList<AmiChannelInfo> Channels => [];

    public ValueTask<AmiSeamResult> OriginateAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
        => ValueTask.FromResult(AmiSeamResult.NotAvailable("Originate"));

    public ValueTask<AmiSeamResult> HangupAsync(string channel, int? cause, CancellationToken cancellationToken)
        => ValueTask.FromResult(AmiSeamResult.Fail("No such channel"));

    public AmiSeamResult GetVariable(string channel, string name) => AmiSeamResult.Fail("No such channel");

    public AmiSeamResult SetVariable(string channel, string name, string value) => AmiSeamResult.Fail("No such channel");
}
