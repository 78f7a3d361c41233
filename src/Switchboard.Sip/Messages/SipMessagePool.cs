namespace Switchboard.Sip.Messages;

/// <summary>A small lock-free pool of <see cref="SipMessage"/> instances (a per-thread slot plus a shared array).</summary>
internal static class SipMessagePool
{
    private const int SharedSlots = 64;

    [ThreadStatic]
    private static SipMessage? t_local;

    private static readonly SipMessage?[] Shared = new SipMessage?[SharedSlots];

    public static SipMessage Rent()
    {
        SipMessage? m = t_local;
        if (m is not null)
        {
            t_local = null;
            m.MarkRented();
            return m;
        }

        for (int i = 0; i < Shared.Length; i++)
        {
            m = Interlocked.Exchange(ref Shared[i], null);
            if (m is not null)
            {
                m.MarkRented();
                return m;
            }
        }

        m = new SipMessage();
        m.Reset();
        return m;
    }

    public static void Return(SipMessage message)
    {
        if (t_local is null)
        {
            t_local = message;
            return;
        }

        for (int i = 0; i < Shared.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Shared[i], message, null) is null)
            {
                return;
            }
        }
    }
}
