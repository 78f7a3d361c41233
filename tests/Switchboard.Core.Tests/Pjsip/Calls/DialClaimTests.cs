using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Core.Tests.Pjsip.Calls;

/// <summary>A mixed Dial's claim: the first answer takes the caller, later ones are refused, the owner may repeat.</summary>
public sealed class DialClaimTests
{
    [Fact]
    public void First_owner_wins_and_may_take_again_others_are_refused()
    {
        var claim = new DialClaim();
        object first = new(), second = new();
        Assert.Null(claim.Owner);
        Assert.True(claim.Take(first));
        Assert.True(claim.Take(first));
        Assert.False(claim.Take(second));
        Assert.Same(first, claim.Owner);
    }

    [Fact]
    public void Concurrent_takers_get_exactly_one_winner()
    {
        var claim = new DialClaim();
        int winners = 0;
        Parallel.For(0, 64, _ =>
        {
            if (claim.Take(new object()))
            {
                Interlocked.Increment(ref winners);
            }
        });
        Assert.Equal(1, winners);
    }

    [Fact]
    public void A_local_pair_holding_the_claim_may_dial_on_for_the_caller_others_may_not()
    {
        var claim = new DialClaim();
        object pairOne = new(), innerDial = new(), otherLeg = new();
        Assert.True(claim.Take(pairOne));

        // DialClaim.TryTake(caller, owner, holder) checks exactly this: the owner is refused but the holder owns the claim.
        Assert.False(claim.Take(innerDial));
        Assert.Same(pairOne, claim.Owner);
        Assert.False(claim.Take(otherLeg));
    }
}
