using Switchboard.Config.Parsing;
using Switchboard.Media.Players;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Reads musiconhold.conf: every category with <c>mode=files</c> becomes a class whose <c>directory</c> is taken
/// relative to astdatadir when not absolute (Asterisk's rule; <c>directory=moh</c> is <c>/var/lib/asterisk/moh</c>).
/// Other modes (custom, playlist with URLs) are reported and skipped. Without the file, a "default" class on
/// astdatadir/moh is assumed, as Asterisk's sample does.
/// </summary>
internal static class MusicOnHoldClasses
{
    public static Dictionary<string, MusicOnHoldClass> Parse(ConfDocument? document, string dataDirectory, Action<string>? report = null)
    {
        var classes = new Dictionary<string, MusicOnHoldClass>(StringComparer.OrdinalIgnoreCase);
        if (document is null || document.Categories.Count == 0)
        {
            classes["default"] = new MusicOnHoldClass("default", Path.Combine(dataDirectory, "moh"));
            return classes;
        }

        foreach (var category in document.Concrete())
        {
            if (string.Equals(category.Name, "general", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string mode = category.Get("mode")?.Trim() ?? "files";
            if (!string.Equals(mode, "files", StringComparison.OrdinalIgnoreCase))
            {
                report?.Invoke($"{category.File}:{category.Line}: musiconhold class [{category.Name}] mode={mode} is not supported (only mode=files); skipped");
                continue;
            }

            string directory = category.Get("directory")?.Trim() ?? "moh";
            if (!Path.IsPathRooted(directory))
            {
                directory = Path.Combine(dataDirectory, directory);
            }

            classes[category.Name] = new MusicOnHoldClass(category.Name, directory, MusicOnHoldClass.ParseSort(category.Get("sort")));
        }

        return classes;
    }
}
