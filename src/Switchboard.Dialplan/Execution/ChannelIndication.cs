namespace Switchboard.Dialplan.Execution;

/// <summary>Call-progress indications an application can ask the channel to send.</summary>
public enum ChannelIndication
{
    /// <summary>183 Session Progress (early media may follow).</summary>
    Progress,

    /// <summary>180 Ringing.</summary>
    Ringing,

    /// <summary>Busy (486 before answer, or busy tone).</summary>
    Busy,

    /// <summary>Congestion (503 before answer, or fast busy).</summary>
    Congestion,
}
