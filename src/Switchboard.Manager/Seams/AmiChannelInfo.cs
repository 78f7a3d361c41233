namespace Switchboard.Manager.Seams;

/// <summary>One row of CoreShowChannels, in Asterisk's field names.</summary>
public sealed record AmiChannelInfo(string Channel, string Uniqueid, IReadOnlyList<KeyValuePair<string, string>> Fields);
