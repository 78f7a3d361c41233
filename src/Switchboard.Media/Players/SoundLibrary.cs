using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Players;

/// <summary>
/// Resolves what Playback()/Background() are given — one or more names joined by '&amp;' — into clips at the
/// channel's sample rate, using the Asterisk lookup rules and the shared clip cache.
/// </summary>
public sealed class SoundLibrary
{
    public SoundLibrary(SoundFileLocator locator, AudioClipCache cache)
    {
        Locator = locator ?? throw new ArgumentNullException(nameof(locator));
        Cache = cache ?? throw new ArgumentNullException(nameof(cache));
    }

    public SoundFileLocator Locator { get; }

    public AudioClipCache Cache { get; }

    public bool TryResolve(string names, string? language, int sampleRate, [NotNullWhen(true)] out IReadOnlyList<AudioClip>? clips, out string? error, string? channelCodec = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = new List<AudioClip>();
        foreach (var name in names.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Locator.TryFind(name, language, out var file, channelCodec))
            {
                clips = null;
                error = $"sound file '{name}' not found (language {language ?? "none"}) under {Locator.SoundsDirectory}";
                return false;
            }

            if (!Cache.TryGet(file, sampleRate, out var clip, out error))
            {
                clips = null;
                return false;
            }

            list.Add(clip);
        }

        if (list.Count == 0)
        {
            clips = null;
            error = "no sound file named";
            return false;
        }

        clips = list;
        error = null;
        return true;
    }
}
