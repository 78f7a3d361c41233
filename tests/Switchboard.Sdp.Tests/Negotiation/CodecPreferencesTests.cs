using Switchboard.Sdp.Negotiation;

namespace Switchboard.Sdp.Tests.Negotiation;

public sealed class CodecPreferencesTests
{
    [Fact]
    public void DisallowAllThenAllow()
    {
        Assert.Equal(["ulaw", "alaw"], CodecPreferences.FromAllowDisallow("all", "ulaw,alaw"));
    }

    [Fact]
    public void BangAllInsideAllowList()
    {
        // PrivateDial's wizard templates: endpoint/allow = !all,ulaw,h263p,h263,h264
        var unknown = new List<string>();
        var list = new List<string> { "gsm" };
        CodecPreferences.Apply(list, "!all,ulaw,h263p,h263,h264", allow: true, unknown);
        Assert.Equal(["ulaw", "h263p", "h263", "h264"], list);
        Assert.Empty(unknown);
    }

    [Fact]
    public void AllowAllThenDisallowOne()
    {
        var list = new List<string>();
        CodecPreferences.Apply(list, "all", allow: true);
        CodecPreferences.Apply(list, "g729", allow: false);
        Assert.Contains("ulaw", list);
        Assert.DoesNotContain("g729", list);
        Assert.DoesNotContain("telephone-event", list);
    }

    [Fact]
    public void DuplicatesKeepFirstPosition()
    {
        Assert.Equal(["alaw", "ulaw"], CodecPreferences.FromAllowDisallow(null, "alaw, ulaw, ALAW"));
    }

    [Fact]
    public void UnknownNamesAreReported()
    {
        var unknown = new List<string>();
        var list = CodecPreferences.FromAllowDisallow("all", "ulaw,speex42", unknown);
        Assert.Equal(["ulaw"], list);
        Assert.Equal(["speex42"], unknown);
    }
}
