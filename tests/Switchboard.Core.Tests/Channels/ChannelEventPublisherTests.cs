using Microsoft.Extensions.Time.Testing;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Core.Events;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Tests.Channels;

/// <summary>AMI channel events from the channel lifecycle, with Asterisk's names and field order.</summary>
public sealed class ChannelEventPublisherTests
{
    [Fact]
    public async Task Lifecycle_publishes_newchannel_newstate_dial_bridge_and_hangup()
    {
        var time = new FakeTimeProvider();
        var bus = new EventBus();
        var events = new List<ChannelEvent>();
        using var sub = bus.Subscribe<ChannelEvent>(events.Add);
        var registry = new ChannelRegistry(time);
        registry.AddObserver(new ChannelEventPublisher(bus));
        var a = new TestChannel(registry, "alice", time) { CallerId = new CallerIdInfo("1001", "Alice"), Context = "default", Exten = "300" };
        registry.Add(a);
        var b = new TestChannel(registry, "bob", time) { LinkedId = a.UniqueId };
        registry.Add(b);
        registry.NotifyDialBegin(a, b, "bob");
        b.SetState(ChannelState.Ringing);
        b.SetState(ChannelState.Up);
        registry.NotifyDialEnd(a, b, "ANSWER");
        using (var bridge = new Bridge("br", a, b))
        {
            bridge.Start();
        }

        await b.HangupAsync(17, default);
        registry.Remove(b);

        Assert.Equal(
            ["Newchannel", "Newchannel", "DialBegin", "Newstate", "Newstate", "DialEnd", "BridgeEnter", "BridgeEnter", "BridgeLeave", "BridgeLeave", "Hangup"],
            events.ConvertAll(e => e.Name));
        var first = events[0].Fields;
        Assert.Equal(["Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid"],
            first.Select(f => f.Key));
        Assert.Equal("1001", first[3].Value);
        Assert.Equal("<unknown>", first[5].Value);
        var dial = events[2].Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(b.Name, dial["DestChannel"]);
        Assert.Equal(a.UniqueId, dial["DestLinkedid"]);
        Assert.Equal("bob", dial["DialString"]);
        Assert.Equal("Up", events[4].Fields[2].Value);
        Assert.Equal("ANSWER", events[5].Fields[^1].Value);
        Assert.Equal("br", events[6].Fields[0].Value);
        var hangup = events[^1].Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("17", hangup["Cause"]);
        Assert.Equal("User busy", hangup["Cause-txt"]);
    }
}
