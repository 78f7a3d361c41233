using Switchboard.Core.Channels;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// DIALSTATUS of a Dial with mixed targets (Local and PJSIP) that nobody answered, as app_dial decides it: the caller
/// leaving is CANCEL; otherwise the status is at least NOANSWER, and only when every target failed with a cause
/// app_dial counts (busy, congestion, unavailable — not no-answer or normal clearing) is it BUSY if any was busy,
/// else CONGESTION if any was congested, else CHANUNAVAIL.
/// </summary>
internal static class MixedDialStatus
{
    /// <param name="callerLeft">The caller hung up (or cancelled) during the Dial.</param>
    /// <param name="allFailed">Every target ended without answering (else the timeout ended the Dial).</param>
    /// <param name="causes">The hangup cause of each failed target.</param>
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

        if (causes.Count == 0)
        {
            return "CHANUNAVAIL";
        }

        int busy = 0, congestion = 0, unavailable = 0;
        foreach (var cause in causes)
        {
            switch (HangupCauseMapper.DialStatus(cause))
            {
                case "BUSY":
                    busy++;
                    break;
                case "CONGESTION":
                    congestion++;
                    break;
                case "CHANUNAVAIL":
                    unavailable++;
                    break;
            }
        }

        if (busy + congestion + unavailable != causes.Count)
        {
            return "NOANSWER";
        }

        return busy > 0 ? "BUSY" : congestion > 0 ? "CONGESTION" : "CHANUNAVAIL";
    }

    /// <summary>The caller's hangup cause after a Dial that ended with <paramref name="status"/>.</summary>
    public static int CauseOf(string status) => status switch
    {
        "BUSY" => HangupCauseMapper.UserBusy,
        "NOANSWER" => HangupCauseMapper.NoAnswer,
        "CHANUNAVAIL" => HangupCauseMapper.SubscriberAbsent,
        _ => HangupCauseMapper.Congestion,
    };

    /// <summary>The cause a Local target failed with: its ;2 dialplan ending without a cause of its own is normal clearing.</summary>
    public static int LocalCause(int cause) => cause == 0 ? HangupCauseMapper.NormalClearing : cause;
}
