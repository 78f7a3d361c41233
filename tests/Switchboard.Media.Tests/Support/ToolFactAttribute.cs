namespace Switchboard.Media.Tests.Support;

/// <summary>
/// A fact that needs real tools or files: it is skipped, with the reason shown, only when one is absent
/// (xunit 2 has no dynamic skip, so the check runs when the attribute is created).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] toolsOrPaths)
    {
        Skip = ToolRequirements.Check(toolsOrPaths);
    }
}

/// <summary>The theory form of <see cref="ToolFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] toolsOrPaths)
    {
        Skip = ToolRequirements.Check(toolsOrPaths);
    }
}

internal static class ToolRequirements
{
    /// <summary>Null when everything is there; otherwise what is missing. Entries starting with '/' are paths.</summary>
    public static string? Check(string[] requirements)
    {
        var missing = new List<string>();
        foreach (var r in requirements)
        {
            bool present = r.StartsWith('/') ? File.Exists(r) || Directory.Exists(r) : Tools.Find(r) is not null;
            if (!present)
            {
                missing.Add(r);
            }
        }

        return missing.Count == 0 ? null : "requires " + string.Join(", ", missing) + " (not installed)";
    }
}
