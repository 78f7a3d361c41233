namespace Switchboard.Common.Nft;

/// <summary>Runs the nft program (no shell). AutoBan and kernel media forwarding send whole batches as <c>nft -f -</c> with the script on stdin.</summary>
public interface INftRunner
{
    Task<NftResult> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(IReadOnlyList{string}, string?, CancellationToken)"/> for a listing read line by line:
    /// each line of standard output goes to <paramref name="onLine"/> as it arrives, and the result's output is empty
    /// (a long listing never becomes one large string).
    /// </summary>
    async Task<NftResult> RunLinesAsync(IReadOnlyList<string> arguments, Action<string> onLine, CancellationToken cancellationToken)
    {
        var result = await RunAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        foreach (string line in result.Output.Split('\n'))
        {
            onLine(line);
        }

        return result with { Output = "" };
    }
}
