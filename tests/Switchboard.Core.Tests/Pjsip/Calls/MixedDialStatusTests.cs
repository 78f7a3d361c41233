using Switchboard.Core.Channels;
using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Core.Tests.Pjsip.Calls;

/// <summary>
/// DIALSTATUS of a Dial mixing Local and PJSIP targets that nobody answered, as app_dial sets it: CANCEL when the
/// caller leaves, NOANSWER on the timeout, and for all-failed targets BUSY before CONGESTION before CHANUNAVAIL.
/// </summary>
public sealed class MixedDialStatusTests
{
    public static TheoryData<string, bool, bool, int[], string> Cases => new()
    {
        { "caller hung up while targets rang (app_dial: CANCEL)", true, false, [], "CANCEL" },
        { "caller hung up after a target was busy", true, true, [HangupCauseMapper.UserBusy], "CANCEL" },
        { "timeout with targets still ringing (NOANSWER)", false, false, [HangupCauseMapper.UserBusy], "NOANSWER" },
        { "Local side busy and PJSIP busy (BUSY)", false, true, [HangupCauseMapper.UserBusy, HangupCauseMapper.UserBusy], "BUSY" },
        { "one busy wins over unavailable", false, true, [HangupCauseMapper.ChannelUnavailable, HangupCauseMapper.UserBusy], "BUSY" },
        { "congestion wins over unavailable", false, true, [HangupCauseMapper.ChannelUnavailable, HangupCauseMapper.Congestion], "CONGESTION" },
        { "Local exten missing and no contacts (CHANUNAVAIL)", false, true, [HangupCauseMapper.ChannelUnavailable], "CHANUNAVAIL" },
        { "480 from the PJSIP target only (NOANSWER)", false, true, [HangupCauseMapper.NoAnswer], "NOANSWER" },
        { "nothing known (CHANUNAVAIL)", false, true, [], "CHANUNAVAIL" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_follows_app_dial(string behaviour, bool callerLeft, bool allFailed, int[] causes, string expected)
    {
        Assert.True(expected == MixedDialStatus.Of(callerLeft, allFailed, causes), behaviour);
    }

    [Theory]
    [InlineData(0, HangupCauseMapper.ChannelUnavailable)]
    [InlineData(HangupCauseMapper.NormalClearing, HangupCauseMapper.ChannelUnavailable)]
    [InlineData(HangupCauseMapper.UserBusy, HangupCauseMapper.UserBusy)]
    [InlineData(HangupCauseMapper.NoAnswer, HangupCauseMapper.NoAnswer)]
    public void A_local_side_that_ended_without_a_cause_of_its_own_counts_as_unavailable(int cause, int expected)
        => Assert.Equal(expected, MixedDialStatus.LocalCause(cause));

    [Theory]
    [InlineData("BUSY", HangupCauseMapper.UserBusy)]
    [InlineData("NOANSWER", HangupCauseMapper.NoAnswer)]
    [InlineData("CHANUNAVAIL", HangupCauseMapper.SubscriberAbsent)]
    [InlineData("CONGESTION", HangupCauseMapper.Congestion)]
    public void Caller_cause_follows_the_status(string status, int cause) => Assert.Equal(cause, MixedDialStatus.CauseOf(status));
}
