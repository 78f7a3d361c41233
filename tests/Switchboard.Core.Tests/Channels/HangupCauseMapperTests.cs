using Switchboard.Core.Channels;

namespace Switchboard.Core.Tests.Channels;

public sealed class HangupCauseMapperTests
{
    [Theory]
    [InlineData(486, 17, "BUSY")]
    [InlineData(600, 17, "BUSY")]
    [InlineData(480, 19, "NOANSWER")]
    [InlineData(408, 18, "NOANSWER")]
    [InlineData(404, 1, "CHANUNAVAIL")]
    [InlineData(503, 34, "CONGESTION")]
    [InlineData(403, 21, "CONGESTION")]
    [InlineData(488, 88, "CONGESTION")]
    [InlineData(302, 31, "CONGESTION")]
    public void Sip_failures_map_to_causes_and_dial_status(int status, int cause, string dialStatus)
    {
        Assert.Equal(cause, HangupCauseMapper.FromSip(status));
        Assert.Equal(dialStatus, HangupCauseMapper.DialStatus(cause));
    }

    [Theory]
    [InlineData(17, 486)]
    [InlineData(19, 480)]
    [InlineData(20, 480)]
    [InlineData(1, 404)]
    [InlineData(34, 503)]
    [InlineData(21, 403)]
    [InlineData(16, 480)]
    [InlineData(99, 500)]
    public void Causes_end_an_unanswered_call_with_the_matching_response(int cause, int status)
        => Assert.Equal(status, HangupCauseMapper.ToSip(cause).Status);
}
