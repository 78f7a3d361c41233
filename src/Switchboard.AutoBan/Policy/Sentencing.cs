using Switchboard.AutoBan.Configuration;

namespace Switchboard.AutoBan.Policy;

/// <summary>
/// The reference's sentence arithmetic: a repeat offence on parole gets max(jailtime, previous sentence) x
/// repeatmult; parole lasts sentence + watchtime; parole is capped at 99,999,999 s (the sentence shrinks to fit)
/// and the watchtime used for parole at half of that; times are rounded to whole seconds.
/// </summary>
internal static class Sentencing
{
    public static TimeSpan RepeatSentence(AutoBanOptions options, TimeSpan previousSentence)
    {
        double basis = Math.Max(options.JailTime.TotalSeconds, previousSentence.TotalSeconds);
        return Seconds(Math.Min(basis * options.RepeatMult, DurationSyntax.Max.TotalSeconds));
    }

    /// <summary>Applies the caps to <paramref name="sentence"/> and returns the parole that follows it.</summary>
    public static TimeSpan Parole(AutoBanOptions options, ref TimeSpan sentence)
    {
        double max = DurationSyntax.Max.TotalSeconds;
        double watch = Math.Min(options.WatchTime.TotalSeconds, 0.5 * max);
        double s = sentence.TotalSeconds;
        double parole = s + watch;
        if (parole > max)
        {
            parole = max;
            s = parole - watch;
        }

        sentence = Seconds(s);
        return Seconds(parole);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds, MidpointRounding.AwayFromZero));
}
