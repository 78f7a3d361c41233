using Microsoft.Extensions.Time.Testing;
using Switchboard.Core.Cdr;
using Switchboard.Core.Channels;
using Switchboard.Core.Tests.Channels;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Tests.Cdr;

/// <summary>CDR(field) read and write as Asterisk's func_cdr allows.</summary>
public sealed class CdrFunctionTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Userfield_accountcode_and_amaflags_are_writable_and_read_back()
    {
        var registry = new ChannelRegistry(_time);
        var channel = new TestChannel(registry, "alice", _time) { Context = "default", Exten = "300", CallerId = new CallerIdInfo("1001", "Alice") };
        var engine = new DialplanEngine(time: _time);
        var state = new DialplanContext(engine, channel, "default", "300");
        var cdr = new CdrFunction();
        Assert.True(cdr.Write(state, "userfield", "vip").Success);
        Assert.True(cdr.Write(state, "accountcode", "sales").Success);
        Assert.True(cdr.Write(state, "amaflags", "billing").Success);
        Assert.True(cdr.Write(state, "custom", "x").Success);
        Assert.Equal("vip", cdr.Read(state, "userfield").Value);
        Assert.Equal("sales", channel.AccountCode);
        Assert.Equal("BILLING", cdr.Read(state, "amaflags").Value);
        Assert.Equal("x", cdr.Read(state, "custom").Value);
        Assert.Equal("1001", cdr.Read(state, "src").Value);
        Assert.Equal("\"Alice\" <1001>", cdr.Read(state, "clid").Value);
        Assert.Equal("300", cdr.Read(state, "dst").Value);
        Assert.False(cdr.Write(state, "src", "x").Success);
        Assert.False(cdr.Write(state, "amaflags", "FREE").Success);
    }
}
