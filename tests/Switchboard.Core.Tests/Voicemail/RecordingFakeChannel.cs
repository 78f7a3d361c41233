using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Variables;
using WavWriter = Switchboard.Media.Players.WavWriter;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>
/// A channel for the voicemail applications: logs what it plays ("Play:name"), and "records" by writing
/// <see cref="RecordSeconds"/> of a 1 kHz tone (amplitude <see cref="Amplitude"/>) into the requested WAV, ending as
/// <see cref="RecordEnd"/> says (a digit, or the caller hanging up).
/// </summary>
internal sealed class RecordingFakeChannel : IDialplanChannel, IRecordingChannel
{
    public string Name { get; init; } = "PJSIP/ann-00000001";

    public string UniqueId { get; init; } = "1700000000.7";

    public ChannelVariables Variables { get; } = new();

    public ChannelState State { get; private set; } = ChannelState.Ring;

    public bool IsHungUp { get; private set; }

    public int HangupCause { get; set; }

    public string Language { get; set; } = "en";

    public CallerIdInfo CallerId { get; set; } = new("+46701234501", "Ann Example");

    public List<string> Log { get; } = [];

    public double RecordSeconds { get; set; } = 2.0;

    public short Amplitude { get; set; } = 4000;

    /// <summary>How the recording ends: '#' or '0' (a digit) or 'h' (hang-up).</summary>
    public char RecordEnd { get; set; } = 'h';

    public List<RecordingRequest> Recordings { get; } = [];

    public string? ReadItem(string item) => null;

    public bool WriteItem(string item, string value) => false;

    public ValueTask AnswerAsync(CancellationToken cancellationToken)
    {
        if (State != ChannelState.Up)
        {
            State = ChannelState.Up;
            Log.Add("Answer");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
    {
        IsHungUp = true;
        Log.Add("Hangup");
        return ValueTask.CompletedTask;
    }

    public ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken)
    {
        if (IsHungUp)
        {
            return ValueTask.FromResult(PlaybackResult.HungUp);
        }

        Log.Add("Play:" + file);
        return ValueTask.FromResult(PlaybackResult.Completed);
    }

    public ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        => ValueTask.FromResult(IsHungUp ? DigitResult.HungUp : DigitResult.Timeout);

    public ValueTask<bool> WaitAsync(TimeSpan duration, CancellationToken cancellationToken) => ValueTask.FromResult(!IsHungUp);

    public ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken) => ValueTask.FromResult(DigitResult.HungUp);

    public ValueTask<RecordingOutcome> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        Recordings.Add(request);
        Log.Add("Record:" + Path.GetFileName(request.Path));
        Directory.CreateDirectory(Path.GetDirectoryName(request.Path)!);
        int n = (int)(RecordSeconds * 8000);
        var pcm = new short[n];
        for (int i = 0; i < n; i++)
        {
            pcm[i] = (short)(Amplitude * Math.Sin(2 * Math.PI * 1000 * i / 8000.0));
        }

        using (var writer = new WavWriter(request.Path))
        {
            writer.Write(pcm);
        }

        if (request.GainDb != 0)
        {
            Switchboard.Core.Voicemail.WavGain.TryApply(request.Path, request.GainDb, out _);
        }

        var duration = TimeSpan.FromSeconds(RecordSeconds);
        if (RecordEnd == 'h')
        {
            IsHungUp = true;
            Log.Add("CallerHangup");
            return ValueTask.FromResult(new RecordingOutcome(RecordingStop.HungUp, duration, '\0', null));
        }

        return ValueTask.FromResult(new RecordingOutcome(RecordingStop.Digit, duration, RecordEnd, null));
    }
}
