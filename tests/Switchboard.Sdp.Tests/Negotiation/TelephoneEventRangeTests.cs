using Switchboard.Sdp.Negotiation;

namespace Switchboard.Sdp.Tests.Negotiation;

public sealed class TelephoneEventRangeTests
{
    [Theory]
    [InlineData("0-16", "0-16")]
    [InlineData("0-11,16", "0-11,16")]
    [InlineData("16,0-11", "0-11,16")]
    [InlineData("0-15,66,70", "0-15")]
    [InlineData("", "0-15")]
    [InlineData("x,3,5-4", "3")]
    public void IntersectsWithDtmf(string offered, string expected)
    {
        Assert.Equal(expected, TelephoneEventRange.Parse(offered).Intersect(TelephoneEventRange.Dtmf).ToString());
    }

    [Fact]
    public void EmptyIntersection()
    {
        var range = TelephoneEventRange.Parse("66,70").Intersect(TelephoneEventRange.Dtmf);
        Assert.True(range.IsEmpty);
        Assert.Equal(string.Empty, range.ToString());
    }
}
