namespace Switchboard.Common.Nft;

/// <summary>Exit code and output of one nft run.</summary>
public readonly record struct NftResult(int ExitCode, string Output, string Error)
{
    public bool Success => ExitCode == 0;
}
