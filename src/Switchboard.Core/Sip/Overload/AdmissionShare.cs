namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// The share of new requests admitted during an overload episode, steered like TCP's congestion window (additive
/// increase, multiplicative decrease): an episode starts at 0 (everything refused, the backlog drains); every
/// sample in which some signal is still at its high mark halves the share, every sample below it adds
/// <see cref="Step"/>. So the admitted rate settles near what the server can finish instead of swinging between
/// "refuse all" and "admit all" (which costs goodput: every swing to "all" admits a burst the server then drowns in).
/// Admission is spread evenly: a credit accumulator admits one request each time the credit passes a whole unit.
/// Thread-safe; lock-free on the request path.
/// </summary>
internal sealed class AdmissionShare
{
    /// <summary>The whole (admit everything).</summary>
    public const int Full = 1024;

    /// <summary>Added per calm sample: from nothing to everything in 16 samples (0.8 s at 50 ms).</summary>
    public const int Step = Full / 16;

    private int _share = Full;
    private long _credit;

    /// <summary>Current share in 1/1024.</summary>
    public int Current => Volatile.Read(ref _share);

    /// <summary>An episode starts: refuse everything until the signals fall below their high marks.</summary>
    public void Enter() => Volatile.Write(ref _share, 0);

    /// <summary>The episode ended: admit everything.</summary>
    public void Leave() => Volatile.Write(ref _share, Full);

    /// <summary>One sample inside an episode: halve while some signal is at its high mark, else grow by <see cref="Step"/>.</summary>
    public void Adjust(bool stillHigh)
    {
        int s = Volatile.Read(ref _share);
        Volatile.Write(ref _share, stillHigh ? s / 2 : Math.Min(Full, s + Step));
    }

    /// <summary>True when this request is within the admitted share.</summary>
    public bool Admit()
    {
        int s = Volatile.Read(ref _share);
        if (s >= Full)
        {
            return true;
        }

        if (s <= 0)
        {
            return false;
        }

        long after = Interlocked.Add(ref _credit, s);
        return after / Full != (after - s) / Full;
    }
}
