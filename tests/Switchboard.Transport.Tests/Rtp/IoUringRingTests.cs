using Switchboard.Transport.Rtp.IoUring;
using static Switchboard.Transport.Rtp.IoUring.IoUringNative;

namespace Switchboard.Transport.Tests.Rtp;

/// <summary>
/// The io_uring wrapper itself. Skipped only where the kernel refuses io_uring or lacks the feature under test, with
/// the kernel's reason.
/// </summary>
public sealed unsafe class IoUringRingTests
{
    [SkippableFact]
    public void AnIdleWaitWithAMinimumWaitSleepsUntilTheFirstCompletionInsteadOfReturningEmptyEveryMinimum()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "io_uring is Linux-only");
        var ring = IoUringRing.TryCreate(8, 16, out int errno);
        Skip.If(ring is null, $"io_uring refused here (errno {errno})");
        Skip.IfNot(ring!.HasMinTimeout, "the kernel has no minimum wait (IORING_FEAT_MIN_TIMEOUT, Linux 6.12)");
        int eventFd = EventFd(0, EfdCloexec);
        Assert.True(eventFd >= 0);
        byte* buffer = stackalloc byte[8];
        try
        {
            // One read armed on an eventfd that another thread writes 200 ms later: until then nothing completes.
            byte* sqe = ring.NextSqe();
            sqe[SqeOpcode] = OpRead;
            *(int*)(sqe + SqeFd) = eventFd;
            *(ulong*)(sqe + SqeOff) = ulong.MaxValue;
            *(ulong*)(sqe + SqeAddr) = (ulong)buffer;
            *(uint*)(sqe + SqeLen) = 8;
            *(ulong*)(sqe + SqeUserData) = 42;
            Assert.True(ring.Submit(0));
            var writer = new Thread(() =>
            {
                Thread.Sleep(200);
                ulong one = 1;
                _ = Write(eventFd, (byte*)&one, 8);
            });
            writer.Start();

            // The RTP loop's wait: up to 128 completions, gathered for at most 300 µs once the first is there. Each
            // return without a completion is a wasted wake-up; a ring that ends its wait when the minimum expires
            // makes hundreds of them in 200 ms, one that sleeps on until the read completes makes none (one more if
            // the whole 200 ms outlasted IoUringRing.IdleWaitSeconds on a stalled machine).
            int emptyReturns = 0;
            ulong userData = 0;
            while (emptyReturns < 10_000)
            {
                Assert.True(ring.Submit(128, 300));
                if (ring.TryPeek(out userData, out _, out _))
                {
                    ring.Advance();
                    break;
                }

                emptyReturns++;
            }

            writer.Join();
            Assert.Equal(42UL, userData);
            Assert.True(emptyReturns <= 1, $"the idle wait returned {emptyReturns} times without a completion");
        }
        finally
        {
            _ = Close(eventFd);
            _ = Close(ring.Fd);
        }
    }
}
