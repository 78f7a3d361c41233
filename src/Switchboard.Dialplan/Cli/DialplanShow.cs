using System.Text;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Cli;

/// <summary>
/// <c>dialplan show [[exten@]context]</c> in Asterisk's format: a header per context, one line per priority
/// (<c>'exten' =&gt;   1. App(args)   [file:line]</c>), hints, labels, includes and ignore patterns, and the
/// <c>-= n extensions (m priorities) in k contexts. =-</c> summary. With <c>exten@</c> only matching
/// extensions are shown, following includes.
/// </summary>
public static class DialplanShow
{
    private const string Registrar = "pbx_config";

    /// <summary>Renders the command for <paramref name="argument"/> (null or empty for everything).</summary>
    public static DialplanCliOutput Render(DialplanSnapshot dialplan, string? argument)
    {
        ArgumentNullException.ThrowIfNull(dialplan);
        string? context = null;
        string? exten = null;
        var arg = argument?.Trim() ?? string.Empty;
        if (arg.Length > 0)
        {
            var at = arg.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                exten = at > 0 ? arg[..at] : null;
                context = at + 1 < arg.Length ? arg[(at + 1)..] : null;
            }
            else
            {
                context = arg;
            }
        }

        var output = new StringBuilder();
        var counters = new Counters();
        var visited = new List<string>();
        ShowContexts(dialplan, context, exten, output, counters, included: false, visited);
        if (context is not null && !counters.ContextExists)
        {
            return new DialplanCliOutput($"There is no existence of '{context}' context\n", false);
        }

        if (exten is not null && !counters.ExtensionExists)
        {
            var text = context is not null
                ? $"There is no existence of {exten}@{context} extension\n"
                : $"There is no existence of '{exten}' extension in all contexts\n";
            return new DialplanCliOutput(text, false);
        }

        output.Append("-= ")
            .Append(counters.Extensions).Append(counters.Extensions == 1 ? " extension (" : " extensions (")
            .Append(counters.Priorities).Append(counters.Priorities == 1 ? " priority) in " : " priorities) in ")
            .Append(counters.Contexts).Append(counters.Contexts == 1 ? " context. =-\n" : " contexts. =-\n");
        return new DialplanCliOutput(output.ToString(), true);
    }

    private static void ShowContexts(DialplanSnapshot dialplan, string? contextName, string? exten, StringBuilder output, Counters counters, bool included, List<string> visited)
    {
        foreach (var context in dialplan.Contexts)
        {
            if (contextName is not null && context.Name != contextName)
            {
                continue;
            }

            counters.ContextExists = true;
            var headerPrinted = false;
            if (exten is null)
            {
                counters.Contexts++;
                output.Append("[ Context '").Append(context.Name).Append("' created by '").Append(Registrar).Append("' ]\n");
                headerPrinted = true;
            }

            foreach (var extension in context.Extensions)
            {
                if (exten is not null && !extension.Pattern.IsMatch(exten))
                {
                    continue;
                }

                counters.ExtensionExists = true;
                if (!headerPrinted)
                {
                    counters.Contexts++;
                    output.Append(included ? "[ Included context '" : "[ Context '").Append(context.Name).Append("' created by '").Append(Registrar).Append("' ]\n");
                    headerPrinted = true;
                }

                WriteExtension(extension, output, counters);
            }

            foreach (var include in context.Includes)
            {
                if (exten is null)
                {
                    Line(output, "Include =>", $"'{include.Display}'", Registrar, padFirst: 17);
                    continue;
                }

                if (visited.Count >= ExtensionSearch.MaxContexts || visited.Contains(include.ContextName))
                {
                    continue;
                }

                visited.Add(include.ContextName);
                ShowContexts(dialplan, include.ContextName, exten, output, counters, included: true, visited);
            }

            foreach (var pattern in context.IgnorePatterns)
            {
                output.Append("  Ignore pattern => ").Append($"'{pattern}'".PadRight(45)).Append(" [").Append(Registrar).Append("]\n");
            }

            if (headerPrinted)
            {
                output.Append('\n');
            }
        }
    }

    private static void WriteExtension(Extension extension, StringBuilder output, Counters counters)
    {
        counters.Extensions++;
        var first = extension.CallerId is null ? $"'{extension.Name}' =>" : $"'{extension.Name}' (CID match '{extension.CallerId.Text}') =>";
        var isFirst = true;
        if (extension.Hint is not null)
        {
            counters.Priorities++;
            Line(output, first, "hint: " + extension.Hint, Where(extension.File, extension.Line), padFirst: 17);
            isFirst = false;
        }

        foreach (var priority in extension.Priorities)
        {
            counters.Priorities++;
            var label = isFirst ? first : priority.Label is null ? string.Empty : $"   [{priority.Label}]";
            Line(output, label, $"{priority.Number}. {priority.Application}({priority.RawArgs})", Where(priority.File, priority.Line), padFirst: 17);
            isFirst = false;
        }
    }

    private static string Where(string file, int line) => line > 0 ? $"{file}:{line}" : file.Length > 0 ? file : Registrar;

    private static void Line(StringBuilder output, string first, string second, string registrar, int padFirst)
    {
        output.Append("  ").Append(first.PadRight(padFirst)).Append(' ').Append(second.PadRight(45)).Append(" [").Append(registrar).Append("]\n");
    }

    private sealed class Counters
    {
        public int Contexts;
        public int Extensions;
        public int Priorities;
        public bool ContextExists;
        public bool ExtensionExists;
    }
}
