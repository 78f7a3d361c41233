using System.Runtime.InteropServices;

namespace Switchboard.Transport.Rtp;

/// <summary>
/// Asterisk's <c>highpriority</c> (asterisk.conf [options], the -p flag) for the RTP threads: when enabled before the
/// first call, each engine thread makes itself SCHED_RR at priority 10, the policy and priority Asterisk gives its
/// process, so relaying a packet never waits behind ordinary work on a busy host. Only the RTP threads are raised: SIP
/// processing and the rest of the process stay at normal priority. Needs CAP_SYS_NICE (or an RLIMIT_RTPRIO allowance);
/// without it the threads stay at normal priority and <see cref="Outcome"/> says why.
/// </summary>
public static partial class RtpThreadPriority
{
    private const int SchedRr = 2;
    private const int RealtimePriority = 10;
    private static string? _outcome;

    /// <summary>Set from asterisk.conf at startup, before the RTP engine starts.</summary>
    public static bool Realtime { get; set; }

    /// <summary>True once an RTP thread got realtime scheduling.</summary>
    public static bool IsRealtime { get; private set; }

    /// <summary>What the RTP threads got: null while none has started or realtime is not asked for.</summary>
    public static string? Outcome => Volatile.Read(ref _outcome);

    /// <summary>Called by each engine thread as it starts.</summary>
    internal static unsafe void ApplyToCurrentThread()
    {
        if (!Realtime || !OperatingSystem.IsLinux())
        {
            return;
        }

        int priority = RealtimePriority;
        if (SetScheduler(0, SchedRr, &priority) == 0)
        {
            IsRealtime = true;
            Volatile.Write(ref _outcome, $"realtime (SCHED_RR {RealtimePriority})");
            return;
        }

        int errno = Marshal.GetLastPInvokeError();
        Volatile.Write(ref _outcome, errno == 1
            ? "normal: realtime refused (EPERM: needs CAP_SYS_NICE, e.g. docker run --cap-add SYS_NICE)"
            : $"normal: realtime refused (errno {errno})");
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static unsafe partial int SetScheduler(int pid, int policy, int* parameters);
}
