using Switchboard.Interop.Tests.Calls;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.Interop.Tests.Media;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>
/// Record(memo.wav,0,0,qak) on real calls: a SIPp caller streams one core sound (µ-law rtp_stream) and hangs up (k
/// keeps the file); a second call streams another sound and, with a, is appended: the file holds both, in order.
/// </summary>
[Collection("sipp")]
public sealed class RecordSippTests : IAsyncLifetime
{
    private const string Extensions = """

        exten => 310,1,Answer()
         same => n,Record(memo.wav,0,0,qak)
         same => n,Hangup()
        """;

    private PbxInstance _pbx = null!;

    private string Memo => Path.Combine(_pbx.DataDir, "var", "spool", "asterisk", "recording", "memo.wav");

    public async Task InitializeAsync()
    {
        var files = CallConfigs.Files();
        files["extensions.conf"] = files["extensions.conf"].Replace("exten => h,1,", Extensions.TrimStart('\n', '\r') + "\nexten => h,1,", StringComparison.Ordinal);
        _pbx = PbxInstance.Create(files);
        await _pbx.StartAsync();
    }

    public async Task DisposeAsync() => await _pbx.DisposeAsync();

    [SkippableFact]
    public async Task A_second_call_with_option_a_appends_its_audio_to_the_first_recording()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(MediaFixture.SoundsAvailable, "asterisk-core-sounds-en-wav is not installed");
        Skip.IfNot(ExternalTool.Exists("sox"), "sox is not installed");
        var (firstWav, first) = await VoicemailSippTests.MuLawWavAsync("hello-world");
        var (secondWav, second) = await VoicemailSippTests.MuLawWavAsync("tt-weasels");

        await CallAsync(firstWav, first);
        await WaitForLengthAsync(first.Length * 9 / 10);
        int firstLength = AudioCompare.ReadWav(Memo).Length;
        await CallAsync(secondWav, second);
        await WaitForLengthAsync(firstLength + (second.Length * 9 / 10));

        var memo = AudioCompare.ReadWav(Memo);
        int secondLength = memo.Length - firstLength;
        // The recorder writes the audio that arrived: each part is about as long as the sound its call streamed.
        Assert.True(Math.Abs(firstLength - first.Length) <= 4000, $"first part {firstLength / 8000.0:F2} s for {first.Length / 8000.0:F2} s of sound");
        Assert.True(Math.Abs(secondLength - second.Length) <= 4000, $"second part {secondLength / 8000.0:F2} s for {second.Length / 8000.0:F2} s of sound");
        double r1 = AudioCompare.BestCorrelation(first, memo[..firstLength], maxFrameLag: 50);
        double r2 = AudioCompare.BestCorrelation(second, memo[firstLength..], maxFrameLag: 50);
        Assert.True(r1 > 0.8 && r2 > 0.8, $"the parts correlate {r1:F3} and {r2:F3} with what each call sent (threshold 0.8)");
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Memo)!));
    }

    private async Task CallAsync(string wav, short[] samples)
    {
        using var rtp = new RtpReceiver();
        var action = $"""<nop><action><exec rtp_stream="{wav},1,0"/></action></nop>""";
        var scenario = VoicemailSippTests.CallerScenario(rtp.Port, action, (samples.Length / 8) + 600);
        var caller = await Sipp.RunAsync(scenario, _pbx.SipPort, ["-inf", Sipp.UsersFile([("alice", "pw-alice")]), "-s", "310", "-m", "1"], TimeSpan.FromSeconds(60));
        Assert.True(caller.ExitCode == 0, "caller: " + caller + "\n" + _pbx.Output);
    }

    private async Task WaitForLengthAsync(int atLeastSamples)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Length() < atLeastSamples)
        {
            Assert.True(DateTime.UtcNow < deadline, $"memo.wav never reached {atLeastSamples / 8000.0:F2} s (has {Length() / 8000.0:F2} s); files: {string.Join(", ", Directory.GetFiles(Path.Combine(_pbx.DataDir, "var"), "*", SearchOption.AllDirectories))}\n" + _pbx.Output);
            await Task.Delay(100);
        }
    }

    /// <summary>Samples in memo.wav, 0 while it is missing or being written.</summary>
    private int Length()
    {
        try
        {
            return File.Exists(Memo) ? AudioCompare.ReadWav(Memo).Length : 0;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidDataException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
