namespace Switchboard.Common.Nft;

/// <summary>Runs the nft program (no shell). AutoBan and kernel media forwarding send whole batches as <c>nft -f -</c> with the script on stdin.</summary>
public interface INftRunner
{
    Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken);
}
