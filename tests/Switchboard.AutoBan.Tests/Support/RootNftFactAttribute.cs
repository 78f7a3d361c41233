using Switchboard.TestKit.Netns;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>
/// A fact that needs root, network namespaces and nft; skipped with the reason when any is missing (CI installs
/// them).
/// </summary>
public sealed class RootNftFactAttribute : FactAttribute
{
    public RootNftFactAttribute()
    {
        if (!NetworkNamespace.IsSupported(out var reason))
        {
            Skip = reason;
        }
        else if (ExternalCommand.Find("nft") is null)
        {
            Skip = "nft (nftables) is not installed";
        }
    }
}
