namespace Switchboard.Media.Players;

/// <summary>A musiconhold.conf class in files mode: its name, the (absolute) directory and the sort order.</summary>
public sealed record MusicOnHoldClass(string Name, string Directory, MusicOnHoldSort Sort = MusicOnHoldSort.Alpha)
{
    /// <summary>Parses sort= as Asterisk writes it; unknown values fall back to alpha.</summary>
    public static MusicOnHoldSort ParseSort(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "random" => MusicOnHoldSort.Random,
        "randstart" => MusicOnHoldSort.RandStart,
        _ => MusicOnHoldSort.Alpha,
    };

    /// <summary>
    /// The class's sound files: one per base name (a directory often holds x.wav and x.gsm; the preferred format
    /// wins), in alphabetical order of the base name.
    /// </summary>
    public IReadOnlyList<SoundFile> ListFiles(IReadOnlyList<string>? formatPreference = null)
    {
        var preference = formatPreference ?? SoundFormat.DefaultPreference;
        var best = new Dictionary<string, (SoundFile File, int Rank)>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            string ext = Path.GetExtension(path).TrimStart('.');
            int rank = IndexOf(preference, ext);
            var format = SoundFormat.FromExtension(ext);
            if (rank < 0 || format is null)
            {
                continue;
            }

            string name = Path.GetFileNameWithoutExtension(path);
            if (!best.TryGetValue(name, out var current) || rank < current.Rank)
            {
                best[name] = (new SoundFile(path, format), rank);
            }
        }

        var names = best.Keys.ToList();
        names.Sort(StringComparer.Ordinal);
        return names.ConvertAll(n => best[n].File);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
