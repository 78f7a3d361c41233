using Switchboard.Core.Channels;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// DIALSTATUS of a Dial with mixed targets (Local and PJSIP) that nobody answered, as app_dial decides it: the caller
/// leaving is CANCEL, the timeout with targets still ringing is NOANSWER, and when every target failed the causes
/// count in app_dial's order — any busy target makes BUSY, else any congested one CONGESTION, else CHANUNAVAIL.
/// </summary>
internal static class MixedDialStatus
{
    /// <param name="callerLeft">The caller hung up (or cancelled) during the Dial.</param>
    /// <param name="allFailed">Every target ended without answering (else the timeout ended the Dial).</param>
    /// <param name="causes">The hangup cause of each failed target (0 = unknown).</param>
    public static string Of(bool callerLeft, bool allFailed, IReadOnlyList<int> causes)
    {
        if (callerLeft)
        {
            return "CANCEL";
        }

        if (!allFailed)
        {
            return "NOANSWER";
        }

        bool congestion = false, unavailable = false, noAnswer = false;
        foreach (var cause in causes)
        {
            switch (HangupCauseMapper.DialStatus(cause))
            {
                case "BUSY":
                    return "BUSY";
                case "CONGESTION":
                    congestion = true;
                    break;
                case "CHANUNAVAIL":
                    unavailable = true;
                    break;
                default:
                    noAnswer = true;
                    break;
            }
        }

        return congestion ? "CONGESTION" : unavailable ? "CHANUNAVAIL" : noAnswer ? "NOANSWER" : "CHANUNAVAIL";
    }

    /// <summary>The caller's hangup cause after a Dial that ended with <paramref name="status"/>.</summary>
    public static int CauseOf(string status) => status switch
    {
        "BUSY" => HangupCauseMapper.UserBusy,
        "NOANSWER" => HangupCauseMapper.NoAnswer,
        "CHANUNAVAIL" => HangupCauseMapper.SubscriberAbsent,
        _ => HangupCauseMapper.Congestion,
    };

    /// <summary>
    /// The cause a Local target failed with: its ;2 dialplan ending without an answer and without a cause of its own
    /// (plain Hangup) counts as unavailable.
    /// </summary>
    public static int LocalCause(int cause) => cause is 0 or HangupCauseMapper.NormalClearing ? HangupCauseMapper.ChannelUnavailable : cause;
}
