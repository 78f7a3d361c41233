using System.Globalization;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Record(filename.format[,silence[,maxduration[,options]]]): records the caller into a file (format wav: 8 kHz
/// 16-bit PCM; other formats are refused). A relative name is placed under the PBX's recordings folder; "%d" becomes
/// the first free number. Options: a (append to an existing file), k (keep the file when the caller hangs up; without
/// it a hang-up discards what was recorded, as Asterisk documents), n (do not answer), o ('0' ends with
/// RECORD_STATUS=OPERATOR), q (no beep), s (skip when not answered), t ('*' ends instead of '#'), u (accepted: silence
/// is never trimmed), x (no key ends), y (any key ends). Other option letters are logged once and ignored. Sets
/// RECORDED_FILE and RECORD_STATUS (DTMF, OPERATOR, SILENCE, SKIP, TIMEOUT, HANGUP, ERROR).
/// </summary>
internal sealed class RecordApplication(VoicemailService service) : IDialplanApplication
{
    private const string KnownOptions = "aknoqstuxy";
    private readonly HashSet<char> _warned = [];

    public string Name => "Record";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 4);
        var channel = context.Channel;
        var vars = channel.Variables;
        string spec = AppArgs.At(a, 0).Trim();
        string options = AppArgs.At(a, 3);
        int dot = spec.LastIndexOf('.');
        string format = dot > 0 ? spec[(dot + 1)..].ToLowerInvariant() : string.Empty;
        if (dot <= 0 || format is not ("wav" or "wav16"))
        {
            return Error(context, format.Length == 0 ? "Record needs filename.format" : $"format '{format}' cannot be recorded (use .wav)");
        }

        if (channel is not IRecordingChannel recording)
        {
            return Error(context, "the channel cannot record");
        }

        WarnUnknown(options);

        if (channel.State != ChannelState.Up)
        {
            if (options.Contains('s', StringComparison.Ordinal))
            {
                vars.Set("RECORD_STATUS", "SKIP");
                return AppResult.Continue;
            }

            if (!options.Contains('n', StringComparison.Ordinal))
            {
                await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        string name = spec[..dot];
        string path = ResolvePath(name, format);
        if (path.Contains("..", StringComparison.Ordinal))
        {
            return Error(context, $"'{spec}' is not an allowed file name");
        }

        if (!options.Contains('q', StringComparison.Ordinal))
        {
            var beep = await channel.PlayAsync("beep", string.Empty, cancellationToken).ConfigureAwait(false);
            if (beep.Outcome == PlaybackOutcome.HungUp)
            {
                vars.Set("RECORD_STATUS", "HANGUP");
                return AppResult.Hangup;
            }
        }

        string stops = options.Contains('x', StringComparison.Ordinal) ? string.Empty
            : options.Contains('y', StringComparison.Ordinal) ? Prompts.AnyDigit
            : options.Contains('t', StringComparison.Ordinal) ? "*" : "#";
        bool operatorExit = options.Contains('o', StringComparison.Ordinal) && !options.Contains('x', StringComparison.Ordinal);
        if (operatorExit && !stops.Contains('0', StringComparison.Ordinal))
        {
            stops += "0";
        }

        var silence = Seconds(AppArgs.At(a, 1));
        var max = Seconds(AppArgs.At(a, 2));
        bool append = options.Contains('a', StringComparison.Ordinal) && File.Exists(path);
        string target = append ? path + ".append.wav" : path;
        var outcome = await recording.RecordAsync(new RecordingRequest(target, stops, max, silence, service.Config.SilenceThreshold), cancellationToken).ConfigureAwait(false);
        bool hungUp = outcome.Stop == RecordingStop.HungUp || channel.IsHungUp;
        if (hungUp && !options.Contains('k', StringComparison.Ordinal))
        {
            // "If the user hangs up during a recording, all data will be lost" unless k: an appended-to file keeps what it had.
            TryDelete(target);
        }
        else if (append && outcome.Stop == RecordingStop.Failed)
        {
            TryDelete(target);
        }
        else if (append && !WavAppend.TryAppend(path, target, out var appendError))
        {
            TryDelete(target);
            return Error(context, appendError ?? "cannot append");
        }

        string status = outcome.Stop switch
        {
            RecordingStop.Digit when operatorExit && outcome.Digit == '0' => "OPERATOR",
            RecordingStop.Digit => "DTMF",
            RecordingStop.Silence => "SILENCE",
            RecordingStop.MaxDuration => "TIMEOUT",
            RecordingStop.HungUp => "HANGUP",
            _ => "ERROR",
        };
        if (outcome.Stop == RecordingStop.Failed)
        {
            VoicemailLog.Failed(service.Log, Name, channel.Name, outcome.Error ?? "recording failed");
        }
        else
        {
            vars.Set("RECORDED_FILE", path[..^(format.Length + 1)]);
        }

        vars.Set("RECORD_STATUS", status);
        return outcome.Stop == RecordingStop.HungUp || channel.IsHungUp ? AppResult.Hangup : AppResult.Continue;
    }

    private string ResolvePath(string name, string format)
    {
        string baseName = Path.IsPathRooted(name) ? name : Path.Combine(service.RecordBase, name);
        if (!baseName.Contains("%d", StringComparison.Ordinal))
        {
            return $"{baseName}.{format}";
        }

        for (int i = 0; i < 100_000; i++)
        {
            string candidate = $"{baseName.Replace("%d", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}.{format}";
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }

        return $"{baseName.Replace("%d", "overflow", StringComparison.Ordinal)}.{format}";
    }

    private void WarnUnknown(string options)
    {
        foreach (char c in options)
        {
            if (!KnownOptions.Contains(c, StringComparison.Ordinal) && !char.IsWhiteSpace(c))
            {
                bool first;
                lock (_warned)
                {
                    first = _warned.Add(c);
                }

                if (first)
                {
                    VoicemailLog.UnsupportedOption(service.Log, Name, c);
                }
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex;
        }
    }

    private static TimeSpan? Seconds(string text)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s > 0 ? TimeSpan.FromSeconds(s) : null;

    private AppResult Error(DialplanContext context, string reason)
    {
        VoicemailLog.Failed(service.Log, Name, context.Channel.Name, reason);
        context.Channel.Variables.Set("RECORD_STATUS", "ERROR");
        return context.Channel.IsHungUp ? AppResult.Hangup : AppResult.Continue;
    }
}
