using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class IdleTrimPolicyTests
{
    private const long Mb = 1024 * 1024;

    [Fact]
    public void Quiet_process_that_was_never_busy_is_not_trimmed()
    {
        var p = new IdleTrimPolicy(0, 10 * Mb);
        Assert.False(p.Sample(1 * Mb, 500 * Mb, 0));
        Assert.False(p.Sample(2 * Mb, 500 * Mb, 0));
    }

    [Fact]
    public void First_quiet_sample_after_load_trims_once_when_nothing_is_pending()
    {
        var p = new IdleTrimPolicy(0, 10 * Mb);
        Assert.False(p.Sample(400 * Mb, 300 * Mb, 0)); // busy: never while loaded
        Assert.False(p.Sample(900 * Mb, 350 * Mb, 0));
        Assert.True(p.Sample(901 * Mb, 350 * Mb, 3));
        p.Trimmed(901 * Mb, 12 * Mb, 3);
        Assert.False(p.Sample(902 * Mb, 350 * Mb, 3)); // not again without new load
        Assert.False(p.Sample(903 * Mb, 350 * Mb, 0));
    }

    [Fact]
    public void Follow_up_trim_once_the_pending_transactions_are_gone()
    {
        var p = new IdleTrimPolicy(0, 10 * Mb);
        Assert.False(p.Sample(400 * Mb, 300 * Mb, 9000));
        Assert.True(p.Sample(401 * Mb, 300 * Mb, 8000));
        p.Trimmed(401 * Mb, 60 * Mb, 8000);
        Assert.False(p.Sample(402 * Mb, 60 * Mb, 7000));
        Assert.False(p.Sample(403 * Mb, 60 * Mb, 2000));
        Assert.True(p.Sample(404 * Mb, 60 * Mb, 20)); // below a sixteenth of 8000
        p.Trimmed(404 * Mb, 10 * Mb, 20);
        Assert.False(p.Sample(405 * Mb, 60 * Mb, 0));
    }

    [Fact]
    public void Calls_held_through_a_trim_trigger_another_when_they_hang_up_without_new_allocation()
    {
        var p = new IdleTrimPolicy(0, 60 * Mb);
        Assert.False(p.Sample(50 * Mb, 170 * Mb, 2000)); // 1,000 bridged calls set up
        Assert.True(p.Sample(50 * Mb, 170 * Mb, 2000)); // held, quiet
        p.Trimmed(50 * Mb, 115 * Mb, 2000);
        Assert.False(p.Sample(50 * Mb + 500_000, 116 * Mb, 1000)); // hang-ups allocate little: not busy
        Assert.True(p.Sample(50 * Mb + 600_000, 116 * Mb, 40)); // the calls and their transactions are gone
        p.Trimmed(50 * Mb + 600_000, 65 * Mb, 40);
        Assert.False(p.Sample(50 * Mb + 700_000, 65 * Mb, 0));
    }

    [Fact]
    public void Small_heap_after_load_is_left_alone()
    {
        var p = new IdleTrimPolicy(0, 10 * Mb);
        Assert.False(p.Sample(100 * Mb, 20 * Mb, 0));
        Assert.False(p.Sample(100 * Mb, 20 * Mb, 0)); // 20 MB resident is within the slack of 10 MB + 32 MB
    }

    [Fact]
    public void New_load_cancels_a_follow_up_and_arms_a_trim_again()
    {
        var p = new IdleTrimPolicy(0, 10 * Mb);
        Assert.False(p.Sample(100 * Mb, 200 * Mb, 500));
        Assert.True(p.Sample(100 * Mb, 200 * Mb, 500));
        p.Trimmed(100 * Mb, 10 * Mb, 500);
        Assert.False(p.Sample(300 * Mb, 200 * Mb, 900)); // busy again
        Assert.True(p.Sample(301 * Mb, 200 * Mb, 900));
    }
}
