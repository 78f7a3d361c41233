using System.Globalization;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;

namespace Switchboard.Core.Events;

/// <summary>
/// Publishes Asterisk's AMI channel events (Newchannel, Newstate, Hangup, DialBegin, DialEnd, BridgeEnter,
/// BridgeLeave) on the event bus as <see cref="ChannelEvent"/> records with Asterisk's field names and order.
/// </summary>
public sealed class ChannelEventPublisher(EventBus bus) : IChannelObserver
{
    public void OnNewChannel(Channel channel) => bus.Publish(new ChannelEvent("Newchannel", Snapshot(channel, string.Empty)));

    public void OnStateChanged(Channel channel) => bus.Publish(new ChannelEvent("Newstate", Snapshot(channel, string.Empty)));

    public void OnHangup(Channel channel)
    {
        var fields = Snapshot(channel, string.Empty);
        fields.Add(new("Cause", channel.HangupCause.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("Cause-txt", HangupCauseText.For(channel.HangupCause)));
        bus.Publish(new ChannelEvent("Hangup", fields));
    }

    public void OnDialBegin(Channel caller, Channel callee, string dialString)
    {
        var fields = Snapshot(caller, string.Empty);
        fields.AddRange(Snapshot(callee, "Dest"));
        fields.Add(new("DialString", dialString));
        bus.Publish(new ChannelEvent("DialBegin", fields));
    }

    public void OnDialEnd(Channel caller, Channel callee, string dialStatus)
    {
        var fields = Snapshot(caller, string.Empty);
        fields.AddRange(Snapshot(callee, "Dest"));
        fields.Add(new("DialStatus", dialStatus));
        bus.Publish(new ChannelEvent("DialEnd", fields));
    }

    public void OnBridgeEnter(Bridge bridge, Channel channel) => bus.Publish(new ChannelEvent("BridgeEnter", BridgeFields(bridge, channel)));

    public void OnBridgeLeave(Bridge bridge, Channel channel) => bus.Publish(new ChannelEvent("BridgeLeave", BridgeFields(bridge, channel)));

    private static List<KeyValuePair<string, string>> BridgeFields(Bridge bridge, Channel channel)
    {
        var fields = new List<KeyValuePair<string, string>>(24)
        {
            new("BridgeUniqueid", bridge.Id),
            new("BridgeType", "basic"),
            new("BridgeTechnology", "simple_bridge"),
            new("BridgeCreator", "<unknown>"),
            new("BridgeName", "<unknown>"),
            new("BridgeNumChannels", "2"),
            new("BridgeVideoSourceMode", "none"),
        };
        fields.AddRange(Snapshot(channel, string.Empty));
        return fields;
    }

    /// <summary>Asterisk's channel snapshot fields (with <paramref name="prefix"/> for the Dest* side).</summary>
    public static List<KeyValuePair<string, string>> Snapshot(Channel c, string prefix)
    {
        var connected = c.BridgedTo?.CallerId;
        return
        [
            new(prefix + "Channel", c.Name),
            new(prefix + "ChannelState", ((int)c.State).ToString(CultureInfo.InvariantCulture)),
            new(prefix + "ChannelStateDesc", c.StateText),
            new(prefix + "CallerIDNum", OrUnknown(c.CallerId.Number)),
            new(prefix + "CallerIDName", OrUnknown(c.CallerId.Name)),
            new(prefix + "ConnectedLineNum", OrUnknown(connected?.Number)),
            new(prefix + "ConnectedLineName", OrUnknown(connected?.Name)),
            new(prefix + "Language", c.Language),
            new(prefix + "AccountCode", c.AccountCode),
            new(prefix + "Context", c.Context),
            new(prefix + "Exten", c.Exten),
            new(prefix + "Priority", c.Priority.ToString(CultureInfo.InvariantCulture)),
            new(prefix + "Uniqueid", c.UniqueId),
            new(prefix + "Linkedid", c.LinkedId),
        ];
    }

    private static string OrUnknown(string? s) => string.IsNullOrEmpty(s) ? "<unknown>" : s;
}
