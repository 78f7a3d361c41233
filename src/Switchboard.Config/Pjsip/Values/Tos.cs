using System.Globalization;

namespace Switchboard.Config.Pjsip.Values;

/// <summary>Type-of-service values: DSCP class names (cs0-cs7, af11-af43, ef) or numbers; stored as the TOS byte.</summary>
public static class Tos
{
    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs0"] = 0x00, ["cs1"] = 0x20, ["cs2"] = 0x40, ["cs3"] = 0x60,
        ["cs4"] = 0x80, ["cs5"] = 0xA0, ["cs6"] = 0xC0, ["cs7"] = 0xE0,
        ["af11"] = 0x28, ["af12"] = 0x30, ["af13"] = 0x38,
        ["af21"] = 0x48, ["af22"] = 0x50, ["af23"] = 0x58,
        ["af31"] = 0x68, ["af32"] = 0x70, ["af33"] = 0x78,
        ["af41"] = 0x88, ["af42"] = 0x90, ["af43"] = 0x98,
        ["ef"] = 0xB8,
    };

    /// <summary>Parses a TOS value; decimal, <c>0x</c> hex or a DSCP class name.</summary>
    public static bool TryParse(string text, out int tos)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (Names.TryGetValue(s, out tos))
        {
            return true;
        }

        var ok = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out tos)
            : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out tos);
        return ok && tos is >= 0 and <= 255;
    }
}
