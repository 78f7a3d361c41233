namespace Switchboard.Dialplan.Execution;

/// <summary>Channel states in Asterisk's vocabulary (CHANNEL(state) prints these names).</summary>
public enum ChannelState
{
    /// <summary>Channel is down and available.</summary>
    Down,

    /// <summary>Channel is down, but reserved.</summary>
    Rsrvd,

    /// <summary>Channel is off hook.</summary>
    OffHook,

    /// <summary>Digits (or equivalent) have been dialed.</summary>
    Dialing,

    /// <summary>Line is ringing (incoming call not yet answered).</summary>
    Ring,

    /// <summary>Remote end is ringing.</summary>
    Ringing,

    /// <summary>Line is up (answered).</summary>
    Up,

    /// <summary>Line is busy.</summary>
    Busy,
}
