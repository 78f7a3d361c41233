using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Pjsip;

/// <summary>A <c>type=identify</c> object: maps source addresses or headers to an endpoint.</summary>
public sealed record PjsipIdentify : PjsipObject
{
    /// <inheritdoc />
    public override string TypeName => "identify";

    /// <summary>The endpoint identified.</summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>Address/network/host criteria (ports removed).</summary>
    public IReadOnlyList<IdentifyMatch> Matches { get; init; } = [];

    /// <summary>Header criterion <c>Name: value</c> (empty = none).</summary>
    public string MatchHeader { get; init; } = string.Empty;

    /// <summary>Request-URI criterion (empty = none).</summary>
    public string MatchRequestUri { get; init; } = string.Empty;

    /// <summary>Resolve SRV records for host names.</summary>
    public bool SrvLookups { get; init; } = true;
}
