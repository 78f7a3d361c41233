namespace Switchboard.Tls.Acme;

/// <summary>v1 <c>{"Main":…,"SANs":[…]}</c>, v2 <c>{"main":…,"sans":[…]}</c>.</summary>
internal sealed class AcmeDomainJson
{
    public string? Main { get; set; }

    public List<string?>? Sans { get; set; }
}
