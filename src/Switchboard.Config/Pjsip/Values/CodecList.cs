namespace Switchboard.Config.Pjsip.Values;

/// <summary>
/// The codec names Asterisk knows for <c>allow</c>/<c>disallow</c>, and how those options combine: applied in order,
/// <c>all</c> adds every known codec, <c>!all</c> and <c>disallow=all</c> clear, <c>!name</c> removes one.
/// </summary>
public static class CodecList
{
    /// <summary>Known codec names in the order <c>allow=all</c> adds them.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "ulaw", "alaw", "gsm", "g722", "g729", "opus", "g726", "g726aal2", "adpcm", "ilbc", "speex", "speex16",
        "speex32", "lpc10", "g723", "siren7", "siren14", "g719", "slin", "slin12", "slin16", "slin24", "slin32",
        "slin44", "slin48", "slin96", "slin192", "codec2", "silk8", "silk12", "silk16", "silk24", "testlaw",
        "h261", "h263", "h263p", "h264", "h265", "mpeg4", "vp8", "vp9", "jpeg", "png", "t140", "t140red", "red",
    ];

    /// <summary>True when <paramref name="name"/> is a known codec name (case-insensitive).</summary>
    public static bool IsKnown(string name)
    {
        foreach (var k in Known)
        {
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Applies one <c>allow</c> (<paramref name="allow"/> true) or <c>disallow</c> value to the current list and returns
    /// the new list. Unknown names are reported through <paramref name="unknown"/> and skipped.
    /// </summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> current, string value, bool allow, Action<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(unknown);
        var list = new List<string>(current);
        foreach (var raw in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var add = allow;
            var name = raw;
            if (name.StartsWith('!'))
            {
                add = !add;
                name = name[1..].Trim();
            }

            // Asterisk accepts "codec:framing" (ptime); framing is not kept here.
            var colon = name.IndexOf(':');
            if (colon >= 0)
            {
                name = name[..colon];
            }

            name = name.ToLowerInvariant();
            if (name == "all")
            {
                list.Clear();
                if (add)
                {
                    list.AddRange(Known);
                }

                continue;
            }

            if (!IsKnown(name))
            {
                unknown(name);
                continue;
            }

            list.Remove(name);
            if (add)
            {
                list.Add(name);
            }
        }

        return list.ToArray();
    }
}
