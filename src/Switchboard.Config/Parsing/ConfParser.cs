using Switchboard.Config.Diagnostics;

namespace Switchboard.Config.Parsing;

/// <summary>
/// Parses Asterisk-style .conf files: comments, block comments, <c>\;</c>, categories with template and
/// append options, <c>=</c>/<c>=&gt;</c> entries, <c>#include</c>/<c>#tryinclude</c> with globs.
/// Problems go to the <see cref="DiagnosticBag"/> with file:line; parsing always continues.
/// </summary>
public static class ConfParser
{
    /// <summary>Maximum include nesting, a guard against runaway include chains.</summary>
    public const int MaxIncludeDepth = 32;

    /// <summary>Parses <paramref name="fileName"/> from <paramref name="source"/>. A missing top-level file is an error.</summary>
    public static ConfDocument Parse(IConfigFileSource source, string fileName, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var run = new ConfParseRun(source, diagnostics);
        if (!source.TryRead(fileName, out var text, out var error))
        {
            diagnostics.Error(fileName, 0, error is null ? "file not found" : $"cannot read file: {error}");
            return ConfDocument.Empty(fileName);
        }

        run.ParseFile(fileName, text);
        return run.Build(fileName);
    }

    /// <summary>Parses <paramref name="fileName"/> if it exists; returns null (no diagnostic) when absent.</summary>
    public static ConfDocument? ParseOptional(IConfigFileSource source, string fileName, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Exists(fileName) ? Parse(source, fileName, diagnostics) : null;
    }

    /// <summary>Parses text directly (no includes other than what <paramref name="fileName"/> would find in an empty source).</summary>
    public static ConfDocument ParseText(string fileName, string text, DiagnosticBag diagnostics)
    {
        var source = new InMemoryConfigFileSource().Add(fileName, text);
        return Parse(source, fileName, diagnostics);
    }
}
