using Microsoft.Extensions.Logging;
using Switchboard.Core.Voicemail;
using Switchboard.Dialplan.Execution;
using Switchboard.Media.Players;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>
/// Record() options as docs.asterisk.org (Dialplan_Applications/Record) describes them: a appends to an existing
/// recording, k keeps the file on hang-up ("If the user hangs up during a recording, all data will be lost"), o makes
/// '0' end with RECORD_STATUS=OPERATOR, x/y/t choose the ending keys; unknown letters are logged once.
/// </summary>
public sealed class RecordOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-vm-record-").FullName;
    private readonly CollectingLoggerFactory _loggers = new();
    private readonly VoicemailService _service;
    private readonly DialplanEngine _engine = new();

    public RecordOptionsTests()
    {
        _service = VoicemailService.Create(null, Path.Combine(_dir, "vm"), Path.Combine(_dir, "outbox"), _dir, _loggers);
        _service.Register(_engine);
    }

    private async Task<RecordingFakeChannel> RecordAsync(string args, char end = '#', double seconds = 1.0, short amplitude = 4000)
    {
        var ch = new RecordingFakeChannel { RecordEnd = end, RecordSeconds = seconds, Amplitude = amplitude };
        Assert.True(_engine.Applications.TryGet("Record", out var record));
        await record.ExecuteAsync(new DialplanContext(_engine, ch, "default", "s"), args, CancellationToken.None);
        return ch;
    }

    [Fact]
    public async Task Option_a_appends_to_the_existing_file_and_without_it_the_file_is_replaced()
    {
        string file = Path.Combine(_dir, "memo.wav");
        await RecordAsync("memo.wav,0,0,q", seconds: 1.0, amplitude: 1000);
        Assert.Equal(8000, AudioSamples(file).Length);

        var ch = await RecordAsync("memo.wav,0,0,qa", seconds: 0.5, amplitude: 3000);
        Assert.Equal("DTMF", ch.Variables.Get("RECORD_STATUS"));
        var samples = AudioSamples(file);
        Assert.Equal(12000, samples.Length);
        Assert.InRange(Peak(samples.AsSpan(0, 8000)), 900, 1000);
        Assert.InRange(Peak(samples.AsSpan(8000)), 2900, 3000);
        Assert.Equal(TimeSpan.FromSeconds(1.5), WavPcm.Duration(file));
        Assert.Equal([Path.Combine(_dir, "memo.wav")], Directory.GetFiles(_dir, "memo*"));

        await RecordAsync("memo.wav,0,0,q", seconds: 0.25);
        Assert.Equal(2000, AudioSamples(file).Length);
    }

    [Fact]
    public async Task A_hang_up_discards_the_recording_unless_k_and_an_appended_file_keeps_what_it_had()
    {
        var ch = await RecordAsync("gone.wav,0,0,q", end: 'h');
        Assert.Equal("HANGUP", ch.Variables.Get("RECORD_STATUS"));
        Assert.False(File.Exists(Path.Combine(_dir, "gone.wav")));

        await RecordAsync("kept.wav,0,0,qk", end: 'h');
        Assert.Equal(8000, AudioSamples(Path.Combine(_dir, "kept.wav")).Length);

        await RecordAsync("kept.wav,0,0,qa", end: 'h', seconds: 0.5);
        Assert.Equal(8000, AudioSamples(Path.Combine(_dir, "kept.wav")).Length);
        await RecordAsync("kept.wav,0,0,qak", end: 'h', seconds: 0.5);
        Assert.Equal(12000, AudioSamples(Path.Combine(_dir, "kept.wav")).Length);
        Assert.Single(Directory.GetFiles(_dir, "kept*"));
    }

    [Theory]
    [InlineData("q", "#")]
    [InlineData("qt", "*")]
    [InlineData("qx", "")]
    [InlineData("qo", "#0")]
    [InlineData("qto", "*0")]
    public async Task The_options_choose_the_keys_that_end_the_recording(string options, string stops)
    {
        var ch = await RecordAsync($"keys.wav,0,0,{options}");
        Assert.Equal(stops, Assert.Single(ch.Recordings).StopDigits);
    }

    [Fact]
    public async Task Zero_with_o_sets_OPERATOR_and_unknown_options_are_logged_once()
    {
        var ch = await RecordAsync("op.wav,0,0,qo", end: '0');
        Assert.Equal("OPERATOR", ch.Variables.Get("RECORD_STATUS"));
        Assert.True(File.Exists(Path.Combine(_dir, "op.wav")));

        await RecordAsync("z.wav,0,0,qzu");
        await RecordAsync("z.wav,0,0,qz");
        var warnings = _loggers.Messages.Where(m => m.Contains("option 'z'", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.DoesNotContain(_loggers.Messages, m => m.Contains("option 'u'", StringComparison.Ordinal));
    }

    [Fact]
    public void Appending_audio_of_another_rate_is_refused_and_the_target_is_untouched()
    {
        string a = Path.Combine(_dir, "a.wav");
        string b = Path.Combine(_dir, "b.wav");
        using (var w = new WavWriter(a))
        {
            w.Write(new short[800]);
        }

        using (var w = new WavWriter(b, 16000))
        {
            w.Write(new short[1600]);
        }

        var before = File.ReadAllBytes(a);
        Assert.False(WavAppend.TryAppend(a, b, out var error));
        Assert.Contains("16000 Hz", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(a));
        Assert.True(File.Exists(b));
    }

    private static short[] AudioSamples(string path) => Samples(File.ReadAllBytes(path));

    private static short[] Samples(byte[] bytes)
    {
        Assert.True(WavPcm.TryFindData(bytes, out int offset, out int length, out _));
        var s = new short[length / 2];
        Buffer.BlockCopy(bytes, offset, s, 0, length & ~1);
        return s;
    }

    private static int Peak(ReadOnlySpan<short> s)
    {
        int peak = 0;
        foreach (var v in s)
        {
            peak = Math.Max(peak, Math.Abs((int)v));
        }

        return peak;
    }

    public void Dispose()
    {
        _service.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class CollectingLoggerFactory : ILoggerFactory, ILogger
    {
        public List<string> Messages { get; } = [];

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
