using Switchboard.Common.Buffers;
using Switchboard.TestKit;

namespace Switchboard.Common.Tests.Buffers;

public sealed class PooledBufferTests
{
    [Fact]
    public void Rent_gives_requested_length_and_dispose_returns_once()
    {
        var pool = new LeakCheckingBufferPool();
        var buffer = PooledBuffer.Rent(100, pool);
        Assert.Equal(100, buffer.Length);
        Assert.True(buffer.Capacity >= 100);
        Assert.Equal(1, pool.Outstanding);

        buffer.Dispose();
        buffer.Dispose(); // the copy is empty now: harmless
        Assert.False(buffer.IsAllocated);
        pool.AssertNoLeaks();
        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);
    }

    [Fact]
    public void Transfer_moves_ownership()
    {
        var pool = new LeakCheckingBufferPool();
        var giver = PooledBuffer.CopyOf("INVITE"u8, pool);
        var taker = giver.Transfer();
        giver.Dispose();
        Assert.Equal(1, pool.Outstanding);
        Assert.Equal("INVITE"u8.ToArray(), taker.Span.ToArray());
        taker.Dispose();
        pool.AssertNoLeaks();
    }

    [Fact]
    public void Length_can_shrink_and_grow_within_capacity()
    {
        var pool = new LeakCheckingBufferPool();
        using var buffer = PooledBuffer.Rent(10, pool);
        var b = buffer;
        b.Length = 3;
        Assert.Equal(3, b.Span.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Length = b.Capacity + 1);
    }

    [Fact]
    public void Leak_checking_pool_reports_leaks_double_and_foreign_returns()
    {
        var pool = new LeakCheckingBufferPool(captureStacks: true);
        var leaked = pool.Rent(32);
        var error = Assert.Throws<InvalidOperationException>(pool.AssertNoLeaks);
        Assert.Contains("never returned", error.Message);
        Assert.Contains(nameof(Leak_checking_pool_reports_leaks_double_and_foreign_returns), error.Message);

        pool.Return(leaked);
        Assert.All(leaked, b => Assert.Equal(LeakCheckingBufferPool.Poison, b));
        Assert.Throws<InvalidOperationException>(() => pool.Return(leaked));
        Assert.Throws<InvalidOperationException>(() => pool.Return(new byte[4]));
        pool.AssertNoLeaks();
    }

    [Fact]
    public void Shared_pool_round_trips()
    {
        var buffer = PooledBuffer.Rent(4096);
        Assert.True(buffer.Capacity >= 4096);
        buffer.Dispose();
    }
}
