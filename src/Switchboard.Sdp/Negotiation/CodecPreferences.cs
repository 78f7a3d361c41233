namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// Applies Asterisk allow/disallow values ("!all,ulaw,alaw", "all", "!g729") to an ordered codec list.
/// Call <see cref="Apply"/> once per option in the order the options appear in the configuration.
/// </summary>
public static class CodecPreferences
{
    /// <summary>
    /// Applies one allow (<paramref name="allow"/> true) or disallow value. Names are separated by ',' (or '&amp;');
    /// "all" means every known codec and a leading '!' inverts. Unknown names are appended to <paramref name="unknown"/>.
    /// </summary>
    public static void Apply(List<string> codecs, string value, bool allow, List<string>? unknown = null)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var raw in value.Split([',', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool add = allow;
            string name = raw;
            if (name.StartsWith('!'))
            {
                add = !add;
                name = name[1..].Trim();
            }

            if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
            {
                if (add)
                {
                    foreach (var c in SdpCodecCatalog.All)
                    {
                        if (c.Kind != SdpCodecKind.TelephoneEvent && !Contains(codecs, c.Name))
                        {
                            codecs.Add(c.Name);
                        }
                    }
                }
                else
                {
                    codecs.Clear();
                }

                continue;
            }

            if (!SdpCodecCatalog.TryGetByName(name, out var codec) || codec.Kind == SdpCodecKind.TelephoneEvent)
            {
                unknown?.Add(name);
                continue;
            }

            if (add)
            {
                if (!Contains(codecs, codec.Name))
                {
                    codecs.Add(codec.Name);
                }
            }
            else
            {
                codecs.RemoveAll(c => string.Equals(c, codec.Name, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>Convenience for the common case: disallow first, then allow.</summary>
    public static List<string> FromAllowDisallow(string? disallow, string? allow, List<string>? unknown = null)
    {
        var list = new List<string>();
        if (disallow is not null)
        {
            Apply(list, disallow, allow: false, unknown);
        }

        if (allow is not null)
        {
            Apply(list, allow, allow: true, unknown);
        }

        return list;
    }

    private static bool Contains(List<string> codecs, string name)
    {
        foreach (var c in codecs)
        {
            if (string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
