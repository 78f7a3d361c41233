using Switchboard.Common.Timing;
using Switchboard.Config.Parsing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Players;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// What dialplan media on PJSIP channels needs: the timing wheel that paces prompts (and watches rtp_timeout), the
/// sound library (sounds directory, format preference, decoded-clip cache), the codecs prompts are encoded with and
/// the files-mode music-on-hold classes of musiconhold.conf. Without it (null) channels play nothing.
/// </summary>
public sealed class ChannelMediaOptions
{
    public required TimingWheel Wheel { get; init; }

    public required SoundLibrary Sounds { get; init; }

    public CodecRegistry Codecs { get; init; } = CodecRegistry.Shared;

    /// <summary>musiconhold.conf classes by name (case-insensitive); "default" is used when no class is named.</summary>
    public IReadOnlyDictionary<string, MusicOnHoldClass> MusicClasses { get; init; } = new Dictionary<string, MusicOnHoldClass>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Options for a PBX whose Asterisk data directory is <paramref name="dataDirectory"/> (astdatadir, where
    /// <c>sounds/</c> and relative music-on-hold directories live). When <c>sounds</c> is missing there, Debian's
    /// <c>/usr/share/asterisk/sounds</c> is used.
    /// </summary>
    public static ChannelMediaOptions Create(TimingWheel wheel, string dataDirectory, ConfDocument? musicOnHold, Action<string>? report = null)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        string sounds = Path.Combine(dataDirectory, "sounds");
        if (!Directory.Exists(sounds) && Directory.Exists(DebianSoundsDirectory))
        {
            sounds = DebianSoundsDirectory;
        }

        var loader = new AudioFileLoader(CodecRegistry.Shared);
        return new ChannelMediaOptions
        {
            Wheel = wheel,
            Sounds = new SoundLibrary(new SoundFileLocator(sounds), new AudioClipCache(loader)),
            MusicClasses = MusicOnHoldClasses.Parse(musicOnHold, dataDirectory, report),
        };
    }

    public const string DebianSoundsDirectory = "/usr/share/asterisk/sounds";

    /// <summary>The class named <paramref name="name"/>, else "default"; null when neither exists.</summary>
    public MusicOnHoldClass? FindMusicClass(string? name)
    {
        if (!string.IsNullOrWhiteSpace(name) && MusicClasses.TryGetValue(name.Trim(), out var named))
        {
            return named;
        }

        return MusicClasses.TryGetValue("default", out var fallback) ? fallback : null;
    }
}
