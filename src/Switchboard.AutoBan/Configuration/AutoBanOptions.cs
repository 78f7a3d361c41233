namespace Switchboard.AutoBan.Configuration;

/// <summary>AutoBan settings from autoban.conf, with the reference's defaults.</summary>
public sealed record AutoBanOptions
{
    public static readonly AutoBanOptions Default = new();

    /// <summary>False when autoban.conf is missing or says <c>enabled = no</c>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Events within the watch window that jail an address (jailed AT this count, as the reference).</summary>
    public int MaxCount { get; init; } = 10;

    /// <summary>An address is forgotten this long after its last event; also the length of parole after release.</summary>
    public TimeSpan WatchTime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>First sentence.</summary>
    public TimeSpan JailTime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Each offence on parole multiplies the previous sentence by this.</summary>
    public double RepeatMult { get; init; } = 6;

    /// <summary>IPv6 keys are networks of this many bits (128 = by address, the default; 64 aggregates a /64).</summary>
    public int Ipv6PrefixLength { get; init; } = 128;

    /// <summary>Addresses from the config that are never jailed (in addition to the CLI's whitelist).</summary>
    public IReadOnlyList<string> Whitelist { get; init; } = [];

    /// <summary>Addresses from the config that are always dropped (in addition to the CLI's blacklist).</summary>
    public IReadOnlyList<string> Blacklist { get; init; } = [];

    /// <summary>[nftables] enabled: use nftables when the process may (CAP_NET_ADMIN and nft present).</summary>
    public bool NftEnabled { get; init; } = true;

    /// <summary>[nftables] cmd: the nft program.</summary>
    public string NftCommand { get; init; } = "nft";

    /// <summary>[nftables] table: name of the <c>inet</c> table.</summary>
    public string NftTable { get; init; } = "autoban";
}
