namespace Switchboard.Config.Parsing;

/// <summary>
/// Where configuration text comes from: a real config directory or an in-memory set (tests).
/// Paths are either relative to the config directory (forward slashes) or absolute.
/// </summary>
public interface IConfigFileSource
{
    /// <summary>Human readable location of the config root (for messages).</summary>
    string Root { get; }

    /// <summary>Reads a whole file, or returns false when it does not exist or cannot be read.</summary>
    /// <param name="path">Path relative to the config dir, or absolute.</param>
    /// <param name="text">The file text.</param>
    /// <param name="error">Why it could not be read (null when it simply does not exist).</param>
    bool TryRead(string path, out string text, out string? error);

    /// <summary>True when the file exists.</summary>
    bool Exists(string path);

    /// <summary>
    /// Expands a glob pattern (<c>*</c>, <c>?</c>, <c>[..]</c> inside path segments) to the existing files,
    /// sorted ordinally. A pattern without wildcards yields itself when the file exists, else nothing.
    /// </summary>
    IReadOnlyList<string> Expand(string pattern);
}
