namespace Switchboard.Core.Channels;

/// <summary>Q.850 hangup causes to SIP responses and back (RFC 3398 as chan_pjsip applies it), and to DIALSTATUS.</summary>
public static class HangupCauseMapper
{
    public const int Unallocated = 1;
    public const int NoRouteDestination = 3;
    public const int NormalClearing = 16;
    public const int UserBusy = 17;
    public const int NoUserResponse = 18;
    public const int NoAnswer = 19;
    public const int SubscriberAbsent = 20;
    public const int CallRejected = 21;
    /// <summary>AST_CAUSE_ANSWERED_ELSEWHERE: a Dial target that lost to another target's answer.</summary>
    public const int AnsweredElsewhere = 26;
    public const int DestinationOutOfOrder = 27;
    public const int InvalidNumberFormat = 28;
    public const int NormalUnspecified = 31;
    public const int Congestion = 34;
    public const int NetworkOutOfOrder = 38;
    public const int TemporaryFailure = 41;
    public const int SwitchCongestion = 42;
    public const int ChannelUnavailable = 44;
    public const int BearerNotAvailable = 58;
    public const int IncompatibleDestination = 88;
    public const int Interworking = 127;

    /// <summary>The response that ends an unanswered inbound INVITE for <paramref name="cause"/>.</summary>
    public static (int Status, string Reason) ToSip(int cause) => cause switch
    {
        Unallocated or NoRouteDestination => (404, "Not Found"),
        UserBusy => (486, "Busy Here"),
        NoUserResponse => (408, "Request Timeout"),
        NoAnswer or SubscriberAbsent => (480, "Temporarily Unavailable"),
        CallRejected => (403, "Forbidden"),
        DestinationOutOfOrder => (502, "Bad Gateway"),
        InvalidNumberFormat => (484, "Address Incomplete"),
        Congestion or SwitchCongestion or ChannelUnavailable or TemporaryFailure or NetworkOutOfOrder => (503, "Service Unavailable"),
        BearerNotAvailable or IncompatibleDestination => (488, "Not Acceptable Here"),
        NormalClearing => (480, "Temporarily Unavailable"),
        _ => (500, "Server Internal Error"),
    };

    /// <summary>The cause for a final SIP failure response (RFC 3398 §7.2.4.1).</summary>
    public static int FromSip(int status) => status switch
    {
        400 or 402 or 403 => CallRejected,
        401 or 407 => CallRejected,
        404 or 485 or 604 => Unallocated,
        405 or 406 or 413 or 414 or 416 or 420 or 421 or 423 or 505 or 513 => Interworking,
        408 or 504 => NoUserResponse,
        410 => 22,
        480 => NoAnswer,
        483 => 25,
        484 => InvalidNumberFormat,
        486 or 600 => UserBusy,
        487 => 127,
        488 or 606 => IncompatibleDestination,
        500 => TemporaryFailure,
        501 => 79,
        502 => DestinationOutOfOrder,
        503 => Congestion,
        603 => CallRejected,
        >= 300 and < 400 => NormalUnspecified,
        _ => NormalUnspecified,
    };

    /// <summary>Dial's DIALSTATUS for a leg that ended with <paramref name="cause"/> without answering.</summary>
    public static string DialStatus(int cause) => cause switch
    {
        UserBusy => "BUSY",
        NoAnswer or NoUserResponse or 127 or NormalClearing => "NOANSWER",
        Congestion or SwitchCongestion or TemporaryFailure or NetworkOutOfOrder => "CONGESTION",
        Unallocated or NoRouteDestination or SubscriberAbsent or ChannelUnavailable or DestinationOutOfOrder => "CHANUNAVAIL",
        _ => "CONGESTION",
    };
}
