namespace Switchboard.Media.Players;

/// <summary>
/// Plays a files-mode music-on-hold class to one channel until stopped: file after file in the class's sort order,
/// starting over at the end. Files that fail to load are skipped (and reported through <see cref="Skipped"/>).
/// </summary>
public sealed class MusicOnHoldPlayer : IDisposable
{
    private readonly MusicOnHoldClass _class;
    private readonly PromptPlayer _player;
    private readonly AudioClipCache _cache;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private IReadOnlyList<SoundFile> _files = [];
    private int _position;
    private bool _running;
    private int _failuresInARow;

    public MusicOnHoldPlayer(MusicOnHoldClass musicClass, PromptPlayer player, AudioClipCache cache, Random? random = null)
    {
        _class = musicClass ?? throw new ArgumentNullException(nameof(musicClass));
        _player = player ?? throw new ArgumentNullException(nameof(player));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _random = random ?? Random.Shared;
    }

    /// <summary>The file playing now.</summary>
    public string? CurrentFile { get; private set; }

    /// <summary>Files that could not be loaded, with the reason.</summary>
    public List<string> Skipped { get; } = [];

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Starts the music; false with a reason when the class has no playable file.</summary>
    public bool Start(out string? error)
    {
        var files = _class.ListFiles();
        if (files.Count == 0)
        {
            error = $"music on hold class '{_class.Name}' has no sound files in {_class.Directory}";
            return false;
        }

        lock (_gate)
        {
            _files = files;
            _position = _class.Sort == MusicOnHoldSort.RandStart ? _random.Next(files.Count) : 0;
            _running = true;
            _failuresInARow = 0;
        }

        PlayNext();
        error = null;
        return true;
    }

    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
        }

        _player.Stop();
    }

    private void PlayNext()
    {
        while (true)
        {
            SoundFile file;
            lock (_gate)
            {
                if (!_running || _failuresInARow >= _files.Count)
                {
                    _running = false;
                    return;
                }

                int index = _class.Sort == MusicOnHoldSort.Random ? _random.Next(_files.Count) : _position;
                _position = (index + 1) % _files.Count;
                file = _files[index];
            }

            if (!_cache.TryGet(file, _player.SampleRate, out var clip, out var error))
            {
                lock (_gate)
                {
                    _failuresInARow++;
                    Skipped.Add(error ?? file.Path);
                }

                continue;
            }

            lock (_gate)
            {
                _failuresInARow = 0;
                CurrentFile = file.Path;
            }

            _player.PlayAsync([clip]).ContinueWith(
                static (t, s) =>
                {
                    if (t.Result.Status == PlaybackStatus.Completed)
                    {
                        ((MusicOnHoldPlayer)s!).PlayNext();
                    }
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }
    }

    public void Dispose() => Stop();
}
