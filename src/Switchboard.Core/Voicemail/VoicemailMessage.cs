namespace Switchboard.Core.Voicemail;

/// <summary>Everything a notification e-mail is made from.</summary>
public sealed record VoicemailMessage
{
    public required MiniVmAccount Account { get; init; }

    public required MiniVmTemplate Template { get; init; }

    /// <summary>The recording (PCM WAV); null or missing means no attachment.</summary>
    public string? RecordingPath { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>minivm.conf format: "wav49" attaches GSM in WAV, anything else the recorded PCM WAV.</summary>
    public string Format { get; init; } = "wav";

    public string CallerIdName { get; init; } = string.Empty;

    public string CallerIdNumber { get; init; } = string.Empty;

    public DateTimeOffset Time { get; init; }

    /// <summary>The zone ${MVM_DATE} and the Date header are written in; null = the server's zone.</summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>Further ${NAME} values for the template (channel variables).</summary>
    public Func<string, string?>? ExtraVariables { get; init; }
}
