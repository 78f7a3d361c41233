namespace Switchboard.Tls.Acme;

/// <summary>
/// One certificate resolver section of Traefik's acme.json: the whole file in v1
/// (<c>{"Account":…,"Certificates":[…]}</c>), one value per resolver name in v2
/// (<c>{"le":{"Account":…,"Certificates":[…]}}</c>). Property names match case-insensitively.
/// </summary>
internal sealed class AcmeResolverJson
{
    public List<AcmeCertificateJson?>? Certificates { get; set; }
}
