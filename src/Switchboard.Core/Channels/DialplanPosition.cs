namespace Switchboard.Core.Channels;

/// <summary>A channel's place in the dialplan and the last application it ran, as a CDR records them.</summary>
public sealed record DialplanPosition(string Context, string Exten, string LastApplication, string LastApplicationData);
