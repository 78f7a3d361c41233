namespace Switchboard.AutoBan.Enforcement;

/// <summary>Runs the nft program (no shell). AutoBan sends whole batches as <c>nft -f -</c> with the script on stdin.</summary>
public interface INftRunner
{
    Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken);
}
