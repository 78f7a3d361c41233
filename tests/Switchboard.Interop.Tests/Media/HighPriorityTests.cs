using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// asterisk.conf [options] highpriority=yes (Asterisk's -p): the RTP threads run SCHED_RR at priority 10, checked in
/// /proc for every RTP thread of the real process, while the rest of the process keeps the normal policy. Without
/// the privilege (not root, no CAP_SYS_NICE) the PBX still starts and says why the threads stay at normal priority.
/// </summary>
public sealed class HighPriorityTests
{
    private const int SchedOther = 0;
    private const int SchedRr = 2;

    [SkippableFact]
    public async Task Highpriority_yes_runs_the_rtp_threads_sched_rr_10_and_nothing_else()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "scheduling policies are read from Linux /proc");
        await using var pbx = PbxInstance.Create(new Dictionary<string, string>
        {
            ["asterisk.conf"] = "[options]\nhighpriority = yes\n",
            ["pjsip.conf"] = "[t]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:{SIP_PORT}\n",
        });
        await pbx.StartAsync();
        string line = await pbx.WaitForLogAsync(TimeSpan.FromSeconds(10), "highpriority=yes: RTP threads run");
        var threads = Threads(pbx.ProcessId);
        var rtp = threads.Where(t => t.Name.StartsWith("rtp-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rtp);
        Assert.Contains(threads, t => !t.Name.StartsWith("rtp-", StringComparison.Ordinal) && t.Policy == SchedOther);
        Assert.All(threads.Where(t => !t.Name.StartsWith("rtp-", StringComparison.Ordinal)), t => Assert.Equal(SchedOther, t.Policy));
        string settings = await pbx.CliAsync("rtp show settings");
        if (ExternalTool.IsRoot)
        {
            // Root holds CAP_SYS_NICE: the request must be honoured.
            Assert.Contains("realtime (SCHED_RR 10)", line);
            Assert.All(rtp, t => Assert.Equal((SchedRr, 10), (t.Policy, t.RtPriority)));
            Assert.Contains("RTP priority:      realtime (SCHED_RR 10)", settings);
        }
        else
        {
            Assert.Contains("realtime refused", line);
            Assert.All(rtp, t => Assert.Equal(SchedOther, t.Policy));
            Assert.Contains("RTP priority:      normal: realtime refused", settings);
        }
    }

    private static List<(string Name, int Policy, int RtPriority)> Threads(int pid)
    {
        var result = new List<(string, int, int)>();
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                string name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                string stat = File.ReadAllText(Path.Combine(task, "stat"));

                // Fields after "(comm)" start at field 3; rt_priority is field 40 and policy field 41 (proc(5)).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result.Add((name, int.Parse(fields[41 - 3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[40 - 3], System.Globalization.CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
                // The thread ended while listing.
            }
        }

        return result;
    }
}
