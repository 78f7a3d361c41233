using System.Globalization;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>Converts option values of one object, reporting bad values as errors at the entry's file:line.</summary>
internal sealed class OptionReader
{
    private static readonly string[] TrueWords = ["yes", "true", "y", "t", "1", "on"];
    private static readonly string[] FalseWords = ["no", "false", "n", "f", "0", "off"];

    private readonly DiagnosticBag _diagnostics;

    public OptionReader(DiagnosticBag diagnostics, string typeName, string objectName)
    {
        _diagnostics = diagnostics;
        TypeName = typeName;
        ObjectName = objectName;
    }

    public string TypeName { get; }

    public string ObjectName { get; }

    /// <summary>True when at least one error was reported for this object.</summary>
    public bool Failed { get; private set; }

    public void Error(ConfEntry e, string message)
    {
        Failed = true;
        _diagnostics.Error(e.File, e.Line, $"{TypeName} '{ObjectName}': {message}");
    }

    public void Error(string file, int line, string message)
    {
        Failed = true;
        _diagnostics.Error(file, line, $"{TypeName} '{ObjectName}': {message}");
    }

    public void Warning(ConfEntry e, string message) =>
        _diagnostics.Warning(e.File, e.Line, $"{TypeName} '{ObjectName}': {message}");

    public void Warning(string file, int line, string message) =>
        _diagnostics.Warning(file, line, $"{TypeName} '{ObjectName}': {message}");

    public static bool TryParseBool(string text, out bool value)
    {
        var s = text.Trim();
        foreach (var w in TrueWords)
        {
            if (string.Equals(s, w, StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }
        }

        foreach (var w in FalseWords)
        {
            if (string.Equals(s, w, StringComparison.OrdinalIgnoreCase))
            {
                value = false;
                return true;
            }
        }

        value = false;
        return false;
    }

    public bool Bool(ConfEntry e, bool fallback)
    {
        if (TryParseBool(e.Value, out var v))
        {
            return v;
        }

        Error(e, $"bad value '{e.Value}' for {e.Key}: expected yes or no");
        return fallback;
    }

    public int UInt(ConfEntry e, int fallback, int max = int.MaxValue)
    {
        if (int.TryParse(e.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= max)
        {
            return v;
        }

        Error(e, max == int.MaxValue
            ? $"bad value '{e.Value}' for {e.Key}: expected a non-negative integer"
            : $"bad value '{e.Value}' for {e.Key}: expected an integer from 0 to {max}");
        return fallback;
    }

    public double UDouble(ConfEntry e, double fallback)
    {
        if (double.TryParse(e.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v >= 0)
        {
            return v;
        }

        Error(e, $"bad value '{e.Value}' for {e.Key}: expected a non-negative number");
        return fallback;
    }

    public T Choice<T>(ConfEntry e, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        if (choices.TryGetValue(e.Value.Trim(), out var v))
        {
            return v;
        }

        Error(e, $"bad value '{e.Value}' for {e.Key}: expected one of {string.Join(", ", choices.Keys)}");
        return fallback;
    }

    public int TosValue(ConfEntry e, int fallback)
    {
        if (Tos.TryParse(e.Value, out var v))
        {
            return v;
        }

        Error(e, $"bad value '{e.Value}' for {e.Key}: expected a DSCP name (cs0-cs7, af11-af43, ef) or a number 0-255");
        return fallback;
    }

    public int CosValue(ConfEntry e, int fallback) => UInt(e, fallback, 7);

    /// <summary>Splits a comma list, trimming items and dropping empty ones.</summary>
    public static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Appends the comma-list items of <paramref name="value"/> to <paramref name="current"/>.</summary>
    public static IReadOnlyList<string> Append(IReadOnlyList<string> current, string value) => [.. current, .. List(value)];
}
