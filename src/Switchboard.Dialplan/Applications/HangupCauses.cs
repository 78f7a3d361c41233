using System.Globalization;

namespace Switchboard.Dialplan.Applications;

/// <summary>Q.850 hangup causes by the names Asterisk accepts in Hangup() and prints in AMI.</summary>
public static class HangupCauses
{
    /// <summary>16: normal clearing.</summary>
    public const int NormalClearing = 16;

    /// <summary>17: user busy.</summary>
    public const int UserBusy = 17;

    /// <summary>34: no circuit available (congestion).</summary>
    public const int Congestion = 34;

    private static readonly Dictionary<string, int> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UNALLOCATED"] = 1,
        ["NO_ROUTE_TRANSIT_NET"] = 2,
        ["NO_ROUTE_DESTINATION"] = 3,
        ["CHANNEL_UNACCEPTABLE"] = 6,
        ["CALL_AWARDED_DELIVERED"] = 7,
        ["NORMAL_CLEARING"] = 16,
        ["USER_BUSY"] = 17,
        ["NO_USER_RESPONSE"] = 18,
        ["NO_ANSWER"] = 19,
        ["SUBSCRIBER_ABSENT"] = 20,
        ["CALL_REJECTED"] = 21,
        ["NUMBER_CHANGED"] = 22,
        ["DESTINATION_OUT_OF_ORDER"] = 27,
        ["INVALID_NUMBER_FORMAT"] = 28,
        ["FACILITY_REJECTED"] = 29,
        ["RESPONSE_TO_STATUS_ENQUIRY"] = 30,
        ["NORMAL_UNSPECIFIED"] = 31,
        ["NORMAL_CIRCUIT_CONGESTION"] = 34,
        ["NETWORK_OUT_OF_ORDER"] = 38,
        ["NORMAL_TEMPORARY_FAILURE"] = 41,
        ["SWITCH_CONGESTION"] = 42,
        ["ACCESS_INFO_DISCARDED"] = 43,
        ["REQUESTED_CHAN_UNAVAIL"] = 44,
        ["FACILITY_NOT_SUBSCRIBED"] = 50,
        ["OUTGOING_CALL_BARRED"] = 52,
        ["INCOMING_CALL_BARRED"] = 54,
        ["BEARERCAPABILITY_NOTAUTH"] = 57,
        ["BEARERCAPABILITY_NOTAVAIL"] = 58,
        ["BEARERCAPABILITY_NOTIMPL"] = 65,
        ["CHAN_NOT_IMPLEMENTED"] = 66,
        ["FACILITY_NOT_IMPLEMENTED"] = 69,
        ["INVALID_CALL_REFERENCE"] = 81,
        ["INCOMPATIBLE_DESTINATION"] = 88,
        ["INVALID_MSG_UNSPECIFIED"] = 95,
        ["MANDATORY_IE_MISSING"] = 96,
        ["MESSAGE_TYPE_NONEXIST"] = 97,
        ["WRONG_MESSAGE"] = 98,
        ["IE_NONEXIST"] = 99,
        ["INVALID_IE_CONTENTS"] = 100,
        ["WRONG_CALL_STATE"] = 101,
        ["RECOVERY_ON_TIMER_EXPIRE"] = 102,
        ["MANDATORY_IE_LENGTH_ERROR"] = 103,
        ["PROTOCOL_ERROR"] = 111,
        ["INTERWORKING"] = 127,
        ["BUSY"] = 17,
        ["CONGESTION"] = 34,
        ["FAILURE"] = 38,
        ["NOANSWER"] = 19,
    };

    /// <summary>Parses a cause given as a number or an Asterisk cause name.</summary>
    public static bool TryParse(string text, out int cause)
    {
        var t = text.Trim();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out cause))
        {
            return cause is > 0 and < 128;
        }

        if (t.StartsWith("AST_CAUSE_", StringComparison.OrdinalIgnoreCase))
        {
            t = t[10..];
        }

        return ByName.TryGetValue(t, out cause);
    }
}
