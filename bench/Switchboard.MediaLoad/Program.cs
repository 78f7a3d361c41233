using System.Diagnostics;
using System.Globalization;
using Switchboard.MediaLoad;

// Media load generator: N bridged calls through the PBX (caller -> Dial(PJSIP/callee) -> callee, both legs here),
// 20 ms G.711 packets both ways, one table row: calls, pps through the PBX, loss, transit/jitter, PBX CPU, RSS.
// Usage: dotnet Switchboard.MediaLoad.dll --pbx 127.0.0.1:PORT --calls N [--pid PBXPID] [--warmup 5] [--duration 20]
//        [--setup-rate 100] [--sockets 4] [--exten 200] [--caller caller --caller-password pw-caller]
//        [--callee callee --callee-password pw-callee] [--rx poll|block] [--header]
var o = Options.Parse(args);
if (o.Header)
{
    Console.WriteLine(
        $"{"calls",6} {"answered",8} {"pps in",8} {"pps out",8} {"loss %",8} {"transit p50",11} {"p99",7} {"max",7} {"added p99",9} " +
        $"{"J mean",7} {"J max",7} {"PBX CPU %",9} {"RSS MB",7} {"gen CPU %",9} {"host CPU %",10}");
    Console.WriteLine("(times in ms; loss/transit over packets sent inside the window; J = RFC 3550 interarrival jitter)");
}

using var traffic = new RtpTraffic(o.Sockets, o.PollReceive);
using var sip = new SipAgent(o, traffic.CallerEndPoints, traffic.CalleeEndPoints);
sip.Register();
sip.StartListeners();
bool all = sip.PlaceCalls(o.Calls, o.SetupRate, TimeSpan.FromSeconds(30 + (o.Calls / (double)o.SetupRate)));
if (!all)
{
    Console.Error.WriteLine($"only {sip.Answered}/{o.Calls} calls answered ({sip.Failed} failed); measuring those");
}

var callerTargets = sip.CallerTargets;
var callerStreams = new List<RtpStream>();
for (int i = 0; i < callerTargets.Length; i++)
{
    if (callerTargets[i] is { } t)
    {
        callerStreams.Add(new RtpStream(i, sip.CallerSocketOf(i), t));
    }
}

var calleeTargets = sip.CalleeTargets();
var calleeStreams = new List<RtpStream>();
for (int j = 0; j < calleeTargets.Length; j++)
{
    calleeStreams.Add(new RtpStream(o.Calls + j, sip.CalleeSocketOf(j), calleeTargets[j]));
}

// MEDIALOAD_PAIRS=file: one line per call, "pbxCallerPort callerSocketPort pbxCalleePort calleeSocketPort", calls paired
// in set-up order (bench/load/kernel-forward-probe.sh forwards them in the kernel to price that against the relay).
if (Environment.GetEnvironmentVariable("MEDIALOAD_PAIRS") is { Length: > 0 } pairsFile)
{
    var lines = new List<string>();
    for (int k = 0, j = 0; k < callerStreams.Count && j < calleeStreams.Count; k++, j++)
    {
        var a = callerStreams[k];
        var b = calleeStreams[j];
        lines.Add($"{a.Target.Port} {traffic.CallerEndPoints[a.Socket].Port} {b.Target.Port} {traffic.CalleeEndPoints[b.Socket].Port}");
    }

    File.WriteAllLines(pairsFile + ".tmp", lines);
    File.Move(pairsFile + ".tmp", pairsFile, true);
}

var warmup = TimeSpan.FromSeconds(o.WarmupSeconds);
var window = TimeSpan.FromSeconds(o.MeasureSeconds);
traffic.Start([.. callerStreams], [.. calleeStreams], warmup, window);
Thread.Sleep(warmup);
var pbx0 = ProcessSample.Read(o.PbxPid);
var gen0 = Process.GetCurrentProcess().TotalProcessorTime;
var host0 = MachineSample.Read();
var w0 = Stopwatch.GetTimestamp();
Thread.Sleep(window);
var pbx1 = ProcessSample.Read(o.PbxPid);
var gen1 = Process.GetCurrentProcess().TotalProcessorTime;
var host1 = MachineSample.Read();
double seconds = Stopwatch.GetElapsedTime(w0).TotalSeconds;
var result = traffic.Finish();
sip.HangUp(o.SetupRate * 2);

double pbxCpu = o.PbxPid > 0 ? 100.0 * (pbx1.Ticks - pbx0.Ticks) / 100.0 / seconds : double.NaN;
double genCpu = 100.0 * (gen1 - gen0).TotalSeconds / seconds;
double ppsIn = result.Sent / result.Seconds;
double ppsOut = result.Received / result.Seconds;
double loss = result.Sent == 0 ? 100 : 100.0 * (result.Sent - result.Received) / result.Sent;
var tr = result.Transit;
string F(double v, int d = 2) => v.ToString("F" + d, CultureInfo.InvariantCulture);
Console.WriteLine(
    $"{o.Calls,6} {sip.Answered,8} {F(ppsIn, 0),8} {F(ppsOut, 0),8} {F(loss, 3),8} {F(tr.Percentile(50) / 1000, 3),11} " +
    $"{F(tr.Percentile(99) / 1000, 3),7} {F(tr.MaxMicros / 1000, 1),7} {F((tr.Percentile(99) - tr.MinMicros) / 1000, 3),9} " +
    $"{F(result.JitterMeanMs, 3),7} {F(result.JitterMaxMs, 3),7} {F(pbxCpu, 1),9} {F(pbx1.RssMb, 1),7} {F(genCpu, 1),9} {F(MachineSample.CoresPercent(host0, host1), 1),10}");
if (traffic.Strays > 0)
{
    Console.Error.WriteLine($"{traffic.Strays} datagrams without the generator's payload");
}

return all ? 0 : 1;
