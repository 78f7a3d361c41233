using System.Globalization;
using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// Overload control on the real PBX, forced deterministically (no dependence on machine speed): the dialplan keeps
/// each call in setup for 5 s (Ringing, Wait, Answer) and pjsip.conf allows 5 INVITEs in setup, with the
/// queue-delay signal off. SIPp offers 20 calls at once: the excess gets 503 with Retry-After, every admitted call
/// completes, and once the episode is over new calls are admitted again.
/// </summary>
[Collection("sipp")]
public sealed class OverloadSippTests
{
    private const string Pjsip = """
        [global]
        type = global
        overload_delay_high = 0
        overload_invites_high = 5
        overload_invites_low = 2
        overload_min_duration = 200
        overload_retry_after = 3

        [t-udp]
        type = transport
        protocol = udp
        bind = 127.0.0.1:{SIP_PORT}

        [alice]
        type = endpoint
        context = load
        allow = !all,ulaw,alaw
        """;

    private const string Extensions = """
        [load]
        exten => 100,1,Ringing()
         same => n,Wait(5)
         same => n,Answer()
         same => n,Wait(0.5)
         same => n,Hangup()
        """;

    [SkippableFact]
    public async Task Excess_calls_get_503_with_retry_after_admitted_calls_complete_and_calls_are_admitted_after_the_burst()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        await using var pbx = PbxInstance.Create(new Dictionary<string, string> { ["pjsip.conf"] = Pjsip, ["extensions.conf"] = Extensions });
        await pbx.StartAsync();

        var burst = await RunAsync(pbx, calls: 20, rate: 50, limit: 20);
        Assert.True(burst.Result.ExitCode == 0, "burst: " + burst.Result + "\n" + pbx.Output); // no failed call
        long answered = burst.Count("5_200_Recv");
        long refused = burst.Count("2_503_Recv");
        Assert.True(answered >= 5, $"answered {answered}\n{burst.Result}");
        Assert.True(refused >= 1, $"refused {refused}\n{burst.Result}");
        Assert.Equal(20, answered + refused);
        Assert.Equal(answered, burst.Count("7_BYE_Recv")); // every admitted call was answered and ended by the dialplan
        Assert.Equal(refused, burst.Count("9_ACK_Sent"));

        await pbx.WaitForLogAsync(TimeSpan.FromSeconds(5), "pjsip.overload", "Overload (pending INVITEs): refusing new requests with 503 Retry-After 3");
        await pbx.WaitForLogAsync(TimeSpan.FromSeconds(15), "pjsip.overload", $"Overload ended after ", $": {refused} requests refused with 503");
        var counters = await pbx.CliAsync("pjsip show counters");
        Assert.Contains($"Rejected (503): {refused}  Episodes: 1", counters, StringComparison.Ordinal);
        Assert.Contains("Overload: normal", counters, StringComparison.Ordinal);

        var after = await RunAsync(pbx, calls: 3, rate: 10, limit: 3);
        Assert.True(after.Result.ExitCode == 0, "after: " + after.Result + "\n" + pbx.Output);
        Assert.Equal(3, after.Count("5_200_Recv"));
        Assert.Equal(0, after.Count("2_503_Recv"));
        Assert.Equal(2, pbx.Output.Split('\n').Count(l => l.Contains("pjsip.overload", StringComparison.Ordinal))); // one line per episode start and end
    }

    private static async Task<SippCounts> RunAsync(PbxInstance pbx, int calls, int rate, int limit)
    {
        var dir = Directory.CreateTempSubdirectory("sipp-overload-").FullName;
        var result = await Sipp.RunAsync("call-uac-overload.xml", pbx.SipPort, ["-s", "100", "-m", Str(calls), "-r", Str(rate), "-l", Str(limit), "-trace_counts"], TimeSpan.FromSeconds(60), workDir: dir);
        var file = Directory.GetFiles(dir, "*_counts.csv").Single();
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        return new SippCounts(result, lines[0].Split(';'), lines[^1].Split(';'));
    }

    private static string Str(int v) => v.ToString(CultureInfo.InvariantCulture);
}
