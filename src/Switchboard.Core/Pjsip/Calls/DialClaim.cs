using System.Runtime.CompilerServices;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Who may answer a caller while a Dial with mixed targets runs (Dial(Local/x@ctx&amp;PJSIP/bob)): the outer Dial's
/// PJSIP legs and the Dial that the Local ;2 half runs on the caller's behalf race for the same caller, and only the
/// first answer may take it. Without a claim (ordinary Dials) every attempt may answer.
/// </summary>
internal sealed class DialClaim
{
    private static readonly ConditionalWeakTable<PjsipChannel, DialClaim> Claims = new();
    private object? _owner;

    /// <summary>The first answer (a <see cref="DialAttempt"/> or a Local ;1 channel), or null.</summary>
    public object? Owner => Volatile.Read(ref _owner);

    /// <summary>Starts a claim on <paramref name="caller"/> for the duration of one mixed Dial.</summary>
    public static DialClaim Begin(PjsipChannel caller)
    {
        var claim = new DialClaim();
        Claims.AddOrUpdate(caller, claim);
        return claim;
    }

    public static void End(PjsipChannel caller, DialClaim claim)
    {
        if (Claims.TryGetValue(caller, out var current) && ReferenceEquals(current, claim))
        {
            Claims.Remove(caller);
        }
    }

    /// <summary>True when <paramref name="owner"/> may answer <paramref name="caller"/> (it is first, or no claim runs).</summary>
    public static bool TryTake(PjsipChannel caller, object owner)
        => !Claims.TryGetValue(caller, out var claim) || claim.Take(owner);

    /// <summary>
    /// Like <see cref="TryTake(PjsipChannel, object)"/>, and also true when <paramref name="holder"/> holds the claim
    /// already: a Local pair that answered by itself may go on to Dial for the caller it took.
    /// </summary>
    public static bool TryTake(PjsipChannel caller, object owner, object? holder)
        => !Claims.TryGetValue(caller, out var claim) || claim.Take(owner) || (holder is not null && ReferenceEquals(claim.Owner, holder));

    /// <summary>True while a Dial with several targets (a claim) runs for <paramref name="caller"/>.</summary>
    public static bool IsClaimed(PjsipChannel caller) => Claims.TryGetValue(caller, out _);

    /// <summary>Who holds the claim on <paramref name="caller"/>: null when nobody answered yet or no mixed Dial runs.</summary>
    public static object? OwnerOf(PjsipChannel caller)
        => Claims.TryGetValue(caller, out var claim) ? claim.Owner : null;

    public bool Take(object owner)
    {
        var previous = Interlocked.CompareExchange(ref _owner, owner, null);
        return previous is null || ReferenceEquals(previous, owner);
    }
}
