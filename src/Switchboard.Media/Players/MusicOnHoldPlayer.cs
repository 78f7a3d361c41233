namespace Switchboard.Media.Players;

/// <summary>
/// Plays a files-mode music-on-hold class to one channel until stopped: file after file in the class's sort order
/// (alpha; random = a random file each time; randstart = alpha from a random file), starting over at the end,
/// without gaps between files. The files are decoded when the music starts (through the shared cache), so the timer
/// thread never touches the disk; files that fail to load are skipped and listed in <see cref="Skipped"/>.
/// </summary>
public sealed class MusicOnHoldPlayer : IAudioClipSource, IDisposable
{
    private readonly MusicOnHoldClass _class;
    private readonly PromptPlayer _player;
    private readonly AudioClipCache _cache;
    private readonly Random _random;
    private readonly List<(string Path, AudioClip Clip)> _clips = [];
    private int _position;
    private string? _current;

    public MusicOnHoldPlayer(MusicOnHoldClass musicClass, PromptPlayer player, AudioClipCache cache, Random? random = null)
    {
        _class = musicClass ?? throw new ArgumentNullException(nameof(musicClass));
        _player = player ?? throw new ArgumentNullException(nameof(player));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _random = random ?? Random.Shared;
    }

    /// <summary>The file playing now.</summary>
    public string? CurrentFile => Volatile.Read(ref _current);

    /// <summary>Files that could not be loaded, with the reason.</summary>
    public List<string> Skipped { get; } = [];

    public bool IsRunning => _player.IsPlaying;

    /// <summary>Starts the music; false with a reason when the class has no playable file.</summary>
    public bool Start(out string? error)
    {
        _clips.Clear();
        Skipped.Clear();
        foreach (var file in _class.ListFiles())
        {
            if (_cache.TryGet(file, _player.SampleRate, out var clip, out var loadError) && clip.Samples.Length > 0)
            {
                _clips.Add((file.Path, clip));
            }
            else
            {
                Skipped.Add(loadError ?? $"{file.Path}: empty");
            }
        }

        if (_clips.Count == 0)
        {
            error = $"music on hold class '{_class.Name}' has no sound files in {_class.Directory}";
            return false;
        }

        _position = _class.Sort == MusicOnHoldSort.RandStart ? _random.Next(_clips.Count) : 0;
        _ = _player.PlayAsync(this);
        error = null;
        return true;
    }

    public void Stop() => _player.Stop();

    AudioClip? IAudioClipSource.Next()
    {
        if (_clips.Count == 0)
        {
            return null;
        }

        int index = _class.Sort == MusicOnHoldSort.Random ? _random.Next(_clips.Count) : _position;
        _position = (index + 1) % _clips.Count;
        Volatile.Write(ref _current, _clips[index].Path);
        return _clips[index].Clip;
    }

    public void Dispose() => Stop();
}
