using Switchboard.Core.Channels;
using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Core.Tests.Pjsip.Calls;

/// <summary>
/// DIALSTATUS of a Dial mixing Local and PJSIP targets that nobody answered, as app_dial sets it: CANCEL when the
/// caller leaves; "at least NOANSWER" once a target was called; BUSY/CONGESTION/CHANUNAVAIL only when every target
/// failed with a counted cause (handle_cause: busy, congestion, unavailable — not no-answer or normal clearing).
/// </summary>
public sealed class MixedDialStatusTests
{
    public static TheoryData<string, bool, bool, int[], string> Cases => new()
    {
        { "caller hung up while targets rang (CANCEL)", true, false, [], "CANCEL" },
        { "caller hung up after a target was busy (CANCEL)", true, true, [HangupCauseMapper.UserBusy], "CANCEL" },
        { "timeout with targets still ringing (NOANSWER)", false, false, [HangupCauseMapper.UserBusy], "NOANSWER" },
        { "Local side busy and PJSIP busy (BUSY)", false, true, [HangupCauseMapper.UserBusy, HangupCauseMapper.UserBusy], "BUSY" },
        { "busy and unavailable, all counted: busy first (BUSY)", false, true, [HangupCauseMapper.ChannelUnavailable, HangupCauseMapper.UserBusy], "BUSY" },
        { "congestion and unavailable (CONGESTION)", false, true, [HangupCauseMapper.ChannelUnavailable, HangupCauseMapper.Congestion], "CONGESTION" },
        { "busy, but the Local side just hung up (normal clearing is not counted: NOANSWER)", false, true, [HangupCauseMapper.UserBusy, HangupCauseMapper.NormalClearing], "NOANSWER" },
        { "Local exten missing and unregistered device (CHANUNAVAIL)", false, true, [HangupCauseMapper.ChannelUnavailable, HangupCauseMapper.SubscriberAbsent], "CHANUNAVAIL" },
        { "480 from the PJSIP target only (NOANSWER)", false, true, [HangupCauseMapper.NoAnswer], "NOANSWER" },
        { "nothing was called (CHANUNAVAIL)", false, true, [], "CHANUNAVAIL" },
        { "timeout before any target reported a cause (NOANSWER)", false, false, [], "NOANSWER" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_follows_app_dial(string behaviour, bool callerLeft, bool allFailed, int[] causes, string expected)
    {
        Assert.True(expected == MixedDialStatus.Of(callerLeft, allFailed, causes), behaviour);
    }

    [Theory]
    [InlineData(0, HangupCauseMapper.NormalClearing)]
    [InlineData(HangupCauseMapper.NormalClearing, HangupCauseMapper.NormalClearing)]
    [InlineData(HangupCauseMapper.UserBusy, HangupCauseMapper.UserBusy)]
    [InlineData(HangupCauseMapper.SubscriberAbsent, HangupCauseMapper.SubscriberAbsent)]
    public void A_local_side_that_ended_without_a_cause_of_its_own_ended_normally(int cause, int expected)
        => Assert.Equal(expected, MixedDialStatus.LocalCause(cause));

    [Theory]
    [InlineData("BUSY", HangupCauseMapper.UserBusy)]
    [InlineData("NOANSWER", HangupCauseMapper.NoAnswer)]
    [InlineData("CHANUNAVAIL", HangupCauseMapper.SubscriberAbsent)]
    [InlineData("CONGESTION", HangupCauseMapper.Congestion)]
    public void Caller_cause_follows_the_status(string status, int cause) => Assert.Equal(cause, MixedDialStatus.CauseOf(status));
}
