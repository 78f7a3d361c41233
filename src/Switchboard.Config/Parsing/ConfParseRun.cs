using Switchboard.Config.Diagnostics;

namespace Switchboard.Config.Parsing;

/// <summary>State of one parse of a top-level file and everything it includes.</summary>
internal sealed class ConfParseRun
{
    private readonly IConfigFileSource _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<CategoryBuilder> _categories = [];
    private readonly List<string> _files = [];
    private readonly List<string> _includeStack = [];

    public ConfParseRun(IConfigFileSource source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    public ConfDocument Build(string fileName)
    {
        var cats = new ConfCategory[_categories.Count];
        for (var i = 0; i < cats.Length; i++)
        {
            cats[i] = _categories[i].Build();
        }

        return new ConfDocument(fileName, cats, _files.ToArray());
    }

    public void ParseFile(string file, string text) => ParseFile(file, text, null);

    private CategoryBuilder? ParseFile(string file, string text, CategoryBuilder? current)
    {
        _files.Add(file);
        _includeStack.Add(file);
        var blockDepth = 0;
        var blockStart = 0;
        var lineNo = 0;
        var pos = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            pos = 1;
        }

        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            var raw = text[pos..end];
            pos = end + 1;
            lineNo++;
            if (nl < 0 && raw.Length == 0)
            {
                break;
            }

            var wasInBlock = blockDepth > 0;
            var line = CommentStripper.Strip(raw.TrimEnd('\r'), ref blockDepth).Trim();
            if (!wasInBlock && blockDepth > 0)
            {
                blockStart = lineNo;
            }

            if (line.Length > 0)
            {
                current = ParseLine(file, lineNo, line, current);
            }

            if (nl < 0)
            {
                break;
            }
        }

        if (blockDepth > 0)
        {
            _diagnostics.Warning(file, blockStart, "unterminated block comment ';--' (no closing '--;' before end of file)");
        }

        _includeStack.RemoveAt(_includeStack.Count - 1);
        return current;
    }

    private CategoryBuilder? ParseLine(string file, int line, string text, CategoryBuilder? current)
    {
        switch (text[0])
        {
            case '[':
                return ParseHeader(file, line, text);
            case '#':
                ParseDirective(file, line, text, current);
                return current;
            default:
                ParseEntry(file, line, text, current);
                return current;
        }
    }

    private CategoryBuilder ParseHeader(string file, int line, string text)
    {
        var header = CategoryHeader.TryParse(text, out var error);
        if (header is null)
        {
            _diagnostics.Error(file, line, error ?? "bad category header");

            // Entries under a broken header go to a detached category so they do not cascade into more errors.
            return new CategoryBuilder(text, isTemplate: true, [], file, line);
        }

        if (header.Trailing is not null)
        {
            _diagnostics.Warning(file, line, $"text after category header ignored: '{header.Trailing}'");
        }

        CategoryBuilder? category = null;
        if (header.IsAppend)
        {
            category = FindCategory(header.Name);
            if (category is null)
            {
                _diagnostics.Error(file, line, $"category addition '[{header.Name}](+)' requested, but category '{header.Name}' does not exist");
            }
        }

        if (category is null)
        {
            category = new CategoryBuilder(header.Name, header.IsTemplate, header.Templates, file, line);
            _categories.Add(category);
        }

        foreach (var templateName in header.Templates)
        {
            var template = FindCategory(templateName);
            if (template is null || ReferenceEquals(template, category))
            {
                _diagnostics.Error(file, line, $"inheritance requested, but template '{templateName}' of '[{header.Name}]' does not exist (a template must be defined before it is used)");
                continue;
            }

            foreach (var entry in template.Entries)
            {
                category.Entries.Add(entry.IsInherited ? entry : entry with { IsInherited = true });
            }
        }

        return category;
    }

    private void ParseEntry(string file, int line, string text, CategoryBuilder? current)
    {
        var eq = text.IndexOf('=');
        if (eq < 0)
        {
            _diagnostics.Error(file, line, $"expected 'key = value', found '{text}'");
            return;
        }

        var key = text[..eq].Trim();
        var arrow = eq + 1 < text.Length && text[eq + 1] == '>';
        var value = text[(arrow ? eq + 2 : eq + 1)..].Trim();
        if (key.Length == 0)
        {
            _diagnostics.Error(file, line, $"missing key before '{(arrow ? "=>" : "=")}' in '{text}'");
            return;
        }

        if (current is null)
        {
            _diagnostics.Error(file, line, $"'{key}' appears before any [category]");
            return;
        }

        current.Entries.Add(new ConfEntry(key, value, arrow, file, line));
    }

    private void ParseDirective(string file, int line, string text, CategoryBuilder? current)
    {
        var nameEnd = 1;
        while (nameEnd < text.Length && char.IsAsciiLetter(text[nameEnd]))
        {
            nameEnd++;
        }

        var directive = text[1..nameEnd];
        var argument = Unquote(text[nameEnd..].Trim());
        switch (directive.ToLowerInvariant())
        {
            case "include":
                Include(file, line, argument, optional: false, current);
                break;
            case "tryinclude":
                Include(file, line, argument, optional: true, current);
                break;
            case "exec":
            case "tryexec":
                _diagnostics.Warning(file, line, $"#{directive} is not supported (running programs from config files is disabled); line ignored");
                break;
            default:
                _diagnostics.Warning(file, line, $"unknown directive '#{directive}' ignored");
                break;
        }
    }

    private void Include(string file, int line, string pattern, bool optional, CategoryBuilder? current)
    {
        var directive = optional ? "#tryinclude" : "#include";
        if (pattern.Length == 0)
        {
            _diagnostics.Error(file, line, $"{directive} without a file name");
            return;
        }

        if (_includeStack.Count >= ConfParser.MaxIncludeDepth)
        {
            _diagnostics.Error(file, line, $"{directive} '{pattern}': includes nested deeper than {ConfParser.MaxIncludeDepth}");
            return;
        }

        var matches = _source.Expand(pattern);
        if (matches.Count == 0)
        {
            if (!optional)
            {
                _diagnostics.Error(file, line, GlobPattern.HasWildcards(pattern)
                    ? $"#include '{pattern}' matches no file"
                    : $"#include '{pattern}': file not found");
            }

            return;
        }

        foreach (var match in matches)
        {
            if (IsOnStack(match))
            {
                _diagnostics.Error(file, line, $"{directive} '{match}' would include itself (loop: {string.Join(" -> ", _includeStack)} -> {match})");
                continue;
            }

            if (!_source.TryRead(match, out var text, out var error))
            {
                if (!optional || error is not null)
                {
                    _diagnostics.Error(file, line, $"{directive} '{match}': {(error is null ? "file not found" : "cannot read file: " + error)}");
                }

                continue;
            }

            ParseFile(match, text, current);
        }
    }

    private bool IsOnStack(string path)
    {
        foreach (var f in _includeStack)
        {
            if (string.Equals(f, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private CategoryBuilder? FindCategory(string name)
    {
        foreach (var c in _categories)
        {
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }

    private static string Unquote(string s)
    {
        if (s.Length >= 2 && ((s[0] == '"' && s[^1] == '"') || (s[0] == '<' && s[^1] == '>')))
        {
            return s[1..^1].Trim();
        }

        return s;
    }
}
