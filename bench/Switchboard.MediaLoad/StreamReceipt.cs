namespace Switchboard.MediaLoad;

/// <summary>What one receiver saw of one stream: packets in the window and RFC 3550 interarrival jitter.</summary>
internal sealed class StreamReceipt
{
    public long ReceivedInWindow { get; set; }

    public bool HasPrevious { get; set; }

    public long PreviousSend { get; set; }

    public long PreviousArrival { get; set; }

    /// <summary>RFC 3550 §6.4.1 J, in nanoseconds, with the sender's real send time standing for the RTP timestamp.</summary>
    public double Jitter { get; set; }
}
