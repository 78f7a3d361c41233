namespace Switchboard.Core.Events;

/// <summary>
/// A channel or bridge event with Asterisk's AMI name (Newchannel, Newstate, Hangup, DialBegin, DialEnd,
/// BridgeEnter, BridgeLeave ...) and its fields in Asterisk's order (Channel, ChannelState, ChannelStateDesc,
/// CallerIDNum, ..., Uniqueid, Linkedid). Published on the bus by the channel layer; AMI sends it with class call.
/// </summary>
public sealed record ChannelEvent(string Name, IReadOnlyList<KeyValuePair<string, string>> Fields);
