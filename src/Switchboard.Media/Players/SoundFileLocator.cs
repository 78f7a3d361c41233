using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Players;

/// <summary>
/// Finds sound files by Asterisk's rules. A relative name ("vm-intro", "digits/5") is looked up under the sounds
/// directory in this language order: the channel language ("en_US"), the language without its dialect ("en"),
/// no language folder, then the default language "en". An absolute name is used as is. In each place the first
/// extension in the preference order that exists wins — except that a file already in the channel's codec (e.g.
/// .ulaw for a µ-law channel) is taken first, as it needs no transcoding.
/// </summary>
public sealed class SoundFileLocator
{
    public const string DefaultLanguage = "en";

    public SoundFileLocator(string soundsDirectory, IReadOnlyList<string>? formatPreference = null)
    {
        ArgumentNullException.ThrowIfNull(soundsDirectory);
        SoundsDirectory = soundsDirectory;
        FormatPreference = formatPreference ?? SoundFormat.DefaultPreference;
        _voiceFolders = FindVoiceFolders(soundsDirectory);
    }

    private readonly Dictionary<string, string> _voiceFolders;

    public string SoundsDirectory { get; }

    public IReadOnlyList<string> FormatPreference { get; }

    public bool TryFind(string name, string? language, [NotNullWhen(true)] out SoundFile? file, string? channelCodec = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        file = null;
        name = name.Trim();
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (Path.IsPathRooted(name))
        {
            return TryFormats(name, channelCodec, out file);
        }

        foreach (var folder in LanguageFolders(language))
        {
            string basePath = folder.Length == 0 ? Path.Combine(SoundsDirectory, name) : Path.Combine(SoundsDirectory, folder, name);
            if (TryFormats(basePath, channelCodec, out file))
            {
                return true;
            }

            if (_voiceFolders.TryGetValue(folder, out string? voice) && TryFormats(Path.Combine(SoundsDirectory, voice, name), channelCodec, out file))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Debian's sound packages install a voice folder per language ("en_US_f_Allison") and leave the "en" link to the
    /// asterisk package. A language with no folder of its own uses such a voice folder: "en_US" and "en" both find
    /// en_US_f_Allison when neither exists.
    /// </summary>
    internal static Dictionary<string, string> FindVoiceFolders(string soundsDirectory)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] dirs;
        try
        {
            dirs = Directory.Exists(soundsDirectory) ? Directory.GetDirectories(soundsDirectory) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return map;
        }

        Array.Sort(dirs, StringComparer.Ordinal);
        foreach (string dir in dirs)
        {
            string name = Path.GetFileName(dir);
            // lang_REGION_gender_Voice, e.g. en_US_f_Allison, fr_FR_f_Sophie.
            string[] parts = name.Split('_');
            if (parts.Length < 4 || parts[0].Length != 2 || parts[2] is not ("f" or "m"))
            {
                continue;
            }

            foreach (string language in new[] { parts[0] + "_" + parts[1], parts[0] })
            {
                if (!Directory.Exists(Path.Combine(soundsDirectory, language)))
                {
                    map.TryAdd(language, name);
                }
            }
        }

        return map;
    }

    /// <summary>The language folders tried, in order ("" = the sounds directory itself).</summary>
    public static IReadOnlyList<string> LanguageFolders(string? language)
    {
        var folders = new List<string>(4);
        if (!string.IsNullOrWhiteSpace(language))
        {
            folders.Add(language);
            int underscore = language.IndexOf('_', StringComparison.Ordinal);
            if (underscore > 0)
            {
                folders.Add(language[..underscore]);
            }
        }

        folders.Add(string.Empty);
        if (!folders.Contains(DefaultLanguage))
        {
            folders.Add(DefaultLanguage);
        }

        return folders;
    }

    private bool TryFormats(string basePath, string? channelCodec, [NotNullWhen(true)] out SoundFile? file)
    {
        if (channelCodec is not null)
        {
            foreach (var ext in FormatPreference)
            {
                var format = SoundFormat.FromExtension(ext);
                if (format is { IsWav: false } && string.Equals(format.Codec, channelCodec, StringComparison.OrdinalIgnoreCase) && File.Exists(basePath + "." + ext))
                {
                    file = new SoundFile(basePath + "." + ext, format);
                    return true;
                }
            }
        }

        foreach (var ext in FormatPreference)
        {
            var format = SoundFormat.FromExtension(ext);
            if (format is not null && File.Exists(basePath + "." + ext))
            {
                file = new SoundFile(basePath + "." + ext, format);
                return true;
            }
        }

        file = null;
        return false;
    }
}
