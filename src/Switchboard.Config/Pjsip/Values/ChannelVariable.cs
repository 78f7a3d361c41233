namespace Switchboard.Config.Pjsip.Values;

/// <summary>A <c>set_var=NAME=VALUE</c> entry: a channel variable set on every channel of the endpoint.</summary>
public sealed record ChannelVariable(string Name, string Value);
