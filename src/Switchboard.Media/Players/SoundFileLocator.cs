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
    }

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
        }

        return false;
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
