using System.Security.Cryptography;

namespace Switchboard.Tls;

/// <summary>
/// Notices content changes of a set of files: a FileSystemWatcher on their directories wakes it
/// at once, and a periodic SHA-256 comparison catches what the watcher misses (bind mounts, NFS,
/// a directory that appears later). Changes are debounced so a file written in several steps is
/// read once it settled. <see cref="RunAsync"/> calls <c>onChange</c> with the new hash.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    private readonly string[] _files;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _debounce;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private string _lastHash;

    public FileChangeWatcher(IReadOnlyList<string> files, TimeProvider? time = null, TimeSpan? pollInterval = null, TimeSpan? debounce = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = [.. files];
        _time = time ?? TimeProvider.System;
        _pollInterval = pollInterval ?? TimeSpan.FromSeconds(10);
        _debounce = debounce ?? TimeSpan.FromMilliseconds(300);
        _lastHash = ComputeHash(_files);
    }

    /// <summary>The hash of the files as last seen ("" when none exists).</summary>
    public string LastHash => Volatile.Read(ref _lastHash);

    /// <summary>Takes the current content as seen (call after writing the files yourself).</summary>
    public void Acknowledge() => Volatile.Write(ref _lastHash, ComputeHash(_files));

    /// <summary>Wakes the loop now (tests, or a caller that knows better).</summary>
    public void Poke()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public async Task RunAsync(Func<string, CancellationToken, Task> onChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        StartWatchers();
        while (!cancellationToken.IsCancellationRequested)
        {
            using (var timer = new CancellationTokenSource(_pollInterval, _time))
            using (var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token))
            {
                try
                {
                    await _wake.WaitAsync(poll.Token).ConfigureAwait(false);
                    await Task.Delay(_debounce, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Poll interval elapsed.
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_watchers.Count < DistinctDirectories().Count)
            {
                StartWatchers();
            }

            string hash = ComputeHash(_files);
            if (!string.Equals(hash, LastHash, StringComparison.Ordinal))
            {
                Volatile.Write(ref _lastHash, hash);
                await onChange(hash, cancellationToken).ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        foreach (FileSystemWatcher watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
        _wake.Dispose();
    }

    /// <summary>SHA-256 over each file's length and bytes; missing files count as absent.</summary>
    internal static string ComputeHash(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        bool any = false;
        Span<byte> marker = stackalloc byte[8];
        foreach (string file in files)
        {
            try
            {
                byte[] content = File.ReadAllBytes(file);
                BitConverter.TryWriteBytes(marker, (long)content.Length);
                hash.AppendData(marker);
                hash.AppendData(content);
                any = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                BitConverter.TryWriteBytes(marker, -1L);
                hash.AppendData(marker);
            }
        }

        return any ? Convert.ToHexString(hash.GetHashAndReset()) : "";
    }

    private List<string> DistinctDirectories()
    {
        var dirs = new List<string>();
        foreach (string file in _files)
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null && !dirs.Contains(dir))
            {
                dirs.Add(dir);
            }
        }

        return dirs;
    }

    private void StartWatchers()
    {
        foreach (FileSystemWatcher old in _watchers)
        {
            old.Dispose();
        }

        _watchers.Clear();
        foreach (string dir in DistinctDirectories())
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            try
            {
                var watcher = new FileSystemWatcher(dir)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                    IncludeSubdirectories = false,
                };
                watcher.Changed += (_, _) => Poke();
                watcher.Created += (_, _) => Poke();
                watcher.Renamed += (_, _) => Poke();
                watcher.Deleted += (_, _) => Poke();
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                // inotify limits or an unreadable directory: polling still works.
            }
        }
    }
}
