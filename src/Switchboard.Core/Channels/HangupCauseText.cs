namespace Switchboard.Core.Channels;

/// <summary>Asterisk's text for Q.850 causes (AMI Cause-txt, <c>core show channel</c>).</summary>
public static class HangupCauseText
{
    public static string For(int cause) => cause switch
    {
        0 => "Unknown",
        1 => "Unallocated (unassigned) number",
        3 => "No route to destination",
        16 => "Normal Clearing",
        17 => "User busy",
        18 => "No user responding",
        19 => "User alerting, no answer",
        20 => "Subscriber absent",
        21 => "Call Rejected",
        22 => "Number changed",
        27 => "Destination out of order",
        28 => "Invalid number format",
        31 => "Normal, unspecified",
        34 => "Circuit/channel congestion",
        38 => "Network out of order",
        41 => "Temporary failure",
        42 => "Switching equipment congestion",
        44 => "Requested channel not available",
        58 => "Bearer capability not available",
        79 => "Service or option not implemented, unspecified",
        88 => "Incompatible destination",
        127 => "Interworking, unspecified",
        _ => "Unknown",
    };
}
