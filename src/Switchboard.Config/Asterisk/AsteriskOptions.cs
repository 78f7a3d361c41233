using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Reading;

namespace Switchboard.Config.Asterisk;

/// <summary>The asterisk.conf [options] this PBX acts on.</summary>
public sealed record AsteriskOptions
{
    /// <summary>highpriority: realtime scheduling for the media threads (Asterisk's -p).</summary>
    public bool HighPriority { get; init; }

    /// <summary>Reads [options] with Asterisk's true/false words; absent file or keys give the defaults.</summary>
    public static AsteriskOptions From(ConfDocument? document)
    {
        string? highPriority = document?.Find("options")?.Get("highpriority");
        return new AsteriskOptions
        {
            HighPriority = highPriority is not null && OptionReader.TryParseBool(highPriority, out bool value) && value,
        };
    }
}
