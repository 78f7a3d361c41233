namespace Switchboard.Sdp;

/// <summary>An a= line not modelled by a typed property: "name" or "name:value".</summary>
public sealed class SdpAttribute
{
    public SdpAttribute(string name, string? value = null)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The text after the first ':'; null for a property attribute such as a=rtcp-mux.</summary>
    public string? Value { get; }

    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
