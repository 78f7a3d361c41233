using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Players;

/// <summary>
/// Decoded prompts shared by all calls, keyed by path, modification time and sample rate (so an edited file is
/// reloaded). Bounded: when full, the whole cache is cleared (prompts are few and cheap to reload).
/// </summary>
public sealed class AudioClipCache
{
    private readonly AudioFileLoader _loader;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<(string Path, long Modified, int Rate), AudioClip> _clips = new();

    public AudioClipCache(AudioFileLoader loader, int capacity = 512)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
        _capacity = Math.Max(1, capacity);
    }

    public int Count => _clips.Count;

    /// <summary>The clip for <paramref name="file"/> at <paramref name="sampleRate"/>, loading it on first use.</summary>
    public bool TryGet(SoundFile file, int sampleRate, [NotNullWhen(true)] out AudioClip? clip, out string? error)
    {
        ArgumentNullException.ThrowIfNull(file);
        long modified;
        try
        {
            modified = File.GetLastWriteTimeUtc(file.Path).Ticks;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            clip = null;
            error = $"{file.Path}: {ex.Message}";
            return false;
        }

        var key = (file.Path, modified, sampleRate);
        if (_clips.TryGetValue(key, out clip))
        {
            error = null;
            return true;
        }

        if (!_loader.TryLoad(file, out var loaded, out error))
        {
            return false;
        }

        clip = loaded.ResampleTo(sampleRate);
        if (_clips.Count >= _capacity)
        {
            _clips.Clear();
        }

        _clips[key] = clip;
        return true;
    }
}
