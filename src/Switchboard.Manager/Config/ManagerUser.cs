namespace Switchboard.Manager.Config;

/// <summary>One <c>[user]</c> of manager.conf.</summary>
public sealed record ManagerUser
{
    public required string Name { get; init; }

    /// <summary>The shared secret (never printed).</summary>
    public required string Secret { get; init; }

    public ManagerAcl Acl { get; init; } = ManagerAcl.AllowAll;

    public AmiClass Read { get; init; }

    public AmiClass Write { get; init; }

    /// <summary>Permanent event filters (<c>eventfilter=</c>), as for the Filter action.</summary>
    public IReadOnlyList<string> EventFilters { get; init; } = [];

    public bool DisplayConnects { get; init; } = true;

    public string File { get; init; } = string.Empty;

    public int Line { get; init; }

    public override string ToString() => $"manager user {Name}"; // never print the secret
}
