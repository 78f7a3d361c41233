using System.Globalization;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Patterns;
using Switchboard.Dialplan.Substitution;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Loading;

/// <summary>
/// Turns a parsed extensions.conf into a <see cref="DialplanSnapshot"/>: <c>[general]</c> options,
/// <c>[globals]</c>, and every other section as a context (sections of the same name, <c>(+)</c> additions and
/// template copies merge). Problems are reported with file:line: errors (bad pattern, duplicate priority,
/// <c>n</c> with no previous priority ...) make the load fail; warnings (unknown application, unknown option,
/// include of a missing context ...) do not.
/// </summary>
public static class DialplanLoader
{
    /// <summary>Builds the dialplan. Always returns a snapshot; check <see cref="DiagnosticBag.HasErrors"/> before using it.</summary>
    public static DialplanSnapshot Load(ConfDocument document, DiagnosticBag diagnostics, DialplanLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options ??= DialplanLoadOptions.Default;
        var settings = new DialplanSettings();
        var globals = new Dictionary<string, string>(StringComparer.Ordinal);
        var globalOrder = new List<string>();
        var contexts = new Dictionary<string, ContextBuilder>(StringComparer.Ordinal);
        var contextOrder = new List<ContextBuilder>();

        foreach (var category in document.Categories)
        {
            if (category.IsTemplate)
            {
                continue;
            }

            if (category.Is("general"))
            {
                settings = ReadGeneral(category, settings, diagnostics);
                continue;
            }

            if (category.Is("globals"))
            {
                ReadGlobals(category, globals, globalOrder, diagnostics);
                continue;
            }

            if (!contexts.TryGetValue(category.Name, out var context))
            {
                context = new ContextBuilder(category.Name, category.File, category.Line);
                contexts[category.Name] = context;
                contextOrder.Add(context);
            }

            ReadContext(category, context, options, diagnostics);
        }

        AddExtraHints(options.ExtraHints, contexts, contextOrder, diagnostics);
        CheckIncludes(contextOrder, contexts, diagnostics);

        var built = new List<Context>(contextOrder.Count);
        foreach (var c in contextOrder)
        {
            built.Add(c.Build());
        }

        var globalList = new List<KeyValuePair<string, string>>(globalOrder.Count);
        foreach (var name in globalOrder)
        {
            globalList.Add(new KeyValuePair<string, string>(name, globals[name]));
        }

        return new DialplanSnapshot(built, settings, globalList, document.Files);
    }

    private static DialplanSettings ReadGeneral(ConfCategory category, DialplanSettings settings, DiagnosticBag diagnostics)
    {
        foreach (var entry in category.Entries)
        {
            var key = entry.Key.ToLowerInvariant();
            switch (key)
            {
                case "static":
                    settings = settings with { Static = ReadBool(entry, diagnostics, settings.Static) };
                    break;
                case "writeprotect":
                    settings = settings with { WriteProtect = ReadBool(entry, diagnostics, settings.WriteProtect) };
                    break;
                case "autofallthrough":
                    settings = settings with { AutoFallthrough = ReadBool(entry, diagnostics, settings.AutoFallthrough) };
                    break;
                case "clearglobalvars":
                    settings = settings with { ClearGlobalVars = ReadBool(entry, diagnostics, settings.ClearGlobalVars) };
                    break;
                case "allow_system":
                    settings = settings with { AllowSystem = ReadBool(entry, diagnostics, settings.AllowSystem) };
                    break;
                case "extenpatternmatchnew" or "userscontext" or "priorityjumping":
                    break;
                default:
                    diagnostics.Warning(entry.File, entry.Line, $"unknown option '{entry.Key}' in [general] of extensions.conf (ignored)");
                    break;
            }
        }

        return settings;
    }

    private static bool ReadBool(ConfEntry entry, DiagnosticBag diagnostics, bool fallback)
    {
        switch (entry.Value.Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "y" or "t" or "1" or "on":
                return true;
            case "no" or "false" or "n" or "f" or "0" or "off":
                return false;
            default:
                diagnostics.Warning(entry.File, entry.Line, $"'{entry.Key}' expects yes or no, got '{entry.Value}' (keeping {(fallback ? "yes" : "no")})");
                return fallback;
        }
    }

    private static void ReadGlobals(ConfCategory category, Dictionary<string, string> globals, List<string> order, DiagnosticBag diagnostics)
    {
        var scope = new LoadScope(globals, diagnostics);
        foreach (var entry in category.Entries)
        {
            scope.File = entry.File;
            scope.Line = entry.Line;
            var template = Template.Parse(entry.Value);
            foreach (var problem in template.Errors)
            {
                diagnostics.Warning(entry.File, entry.Line, problem);
            }

            if (!globals.ContainsKey(entry.Key))
            {
                order.Add(entry.Key);
            }

            globals[entry.Key] = template.Render(scope);
        }
    }

    private static void ReadContext(ConfCategory category, ContextBuilder context, DialplanLoadOptions options, DiagnosticBag diagnostics)
    {
        ExtensionBuilder? last = null;
        var lastPriority = -1;
        foreach (var entry in category.Entries)
        {
            switch (entry.Key.ToLowerInvariant())
            {
                case "exten":
                    {
                        if (!ExtenLineParser.TryParseExten(entry.Value, out var line, out var error))
                        {
                            diagnostics.Error(entry.File, entry.Line, error!);
                            continue;
                        }

                        if (!ExtensionPattern.TryParse(line.Exten, out var pattern, out error))
                        {
                            diagnostics.Error(entry.File, entry.Line, $"invalid extension '{line.Exten}': {error}");
                            continue;
                        }

                        ExtensionPattern? cid = null;
                        if (line.CallerId is not null && !ExtensionPattern.TryParse(line.CallerId, out cid, out error))
                        {
                            diagnostics.Error(entry.File, entry.Line, $"invalid caller id match '{line.CallerId}': {error}");
                            continue;
                        }

                        last = context.GetOrAdd(pattern, cid, entry.File, entry.Line);
                        AddPriority(context, last, line, entry, ref lastPriority, options, diagnostics);
                        break;
                    }

                case "same":
                    {
                        if (last is null)
                        {
                            diagnostics.Error(entry.File, entry.Line, "'same =>' has no previous 'exten =>' line in this context");
                            continue;
                        }

                        if (!ExtenLineParser.TryParseRest(entry.Value, out var line, out var error))
                        {
                            diagnostics.Error(entry.File, entry.Line, error!);
                            continue;
                        }

                        AddPriority(context, last, line, entry, ref lastPriority, options, diagnostics);
                        break;
                    }

                case "include":
                    AddInclude(context, entry, diagnostics);
                    break;
                case "ignorepat":
                    context.IgnorePatterns.Add(entry.Value.Trim());
                    break;
                case "switch" or "eswitch" or "lswitch":
                    diagnostics.Warning(entry.File, entry.Line, $"'{entry.Key}' (alternative switches) is not supported; ignored");
                    break;
                default:
                    diagnostics.Warning(entry.File, entry.Line, $"unknown keyword '{entry.Key}' in context [{context.Name}] (expected exten, same, include or ignorepat)");
                    break;
            }
        }
    }

    private static void AddPriority(
        ContextBuilder context,
        ExtensionBuilder extension,
        ExtenLine line,
        ConfEntry entry,
        ref int lastPriority,
        DialplanLoadOptions options,
        DiagnosticBag diagnostics)
    {
        if (line.PriorityText.Equals("hint", StringComparison.OrdinalIgnoreCase))
        {
            var devices = line.Application;
            if (devices.Length == 0)
            {
                diagnostics.Error(entry.File, entry.Line, "hint without a device list");
            }
            else if (!extension.TrySetHint(devices, $"{entry.File}:{entry.Line}"))
            {
                diagnostics.Error(entry.File, entry.Line, $"extension '{extension.Pattern.Text}' in [{context.Name}] already has a hint ({extension.HintSource})");
            }

            return;
        }

        if (!TryResolvePriority(extension, line.PriorityText, lastPriority, out var number, out var error))
        {
            diagnostics.Error(entry.File, entry.Line, error!);
            return;
        }

        if (line.Application.Length == 0)
        {
            diagnostics.Error(entry.File, entry.Line, $"priority {number} of '{extension.Pattern.Text}' has no application");
            return;
        }

        if (line.MissingCloseParen)
        {
            diagnostics.Warning(entry.File, entry.Line, $"no closing parenthesis in '{line.Application}({line.Args}' (taking the rest of the line as arguments)");
        }

        if (options.IsKnownApplication is not null && !options.IsKnownApplication(line.Application))
        {
            diagnostics.Warning(entry.File, entry.Line, $"unknown application '{line.Application}' (calls reaching this priority will hang up)");
        }

        var priority = new Priority(number, line.Label, line.Application, line.Args, entry.File, entry.Line);
        foreach (var problem in priority.Args.Errors)
        {
            diagnostics.Warning(entry.File, entry.Line, problem);
        }

        if (line.Label is not null && extension.TryFindLabel(line.Label, out var labelled))
        {
            diagnostics.Warning(entry.File, entry.Line, $"label '{line.Label}' of '{extension.Pattern.Text}' already used at {labelled.File}:{labelled.Line} (Goto finds the first)");
        }

        if (!extension.TryAdd(priority, out var existing))
        {
            diagnostics.Error(entry.File, entry.Line, $"priority {number} of extension '{extension.Pattern.Text}' in [{context.Name}] is already defined at {existing.File}:{existing.Line}");
            return;
        }

        lastPriority = number;
    }

    private static bool TryResolvePriority(ExtensionBuilder extension, string text, int lastPriority, out int number, out string? error)
    {
        error = null;
        number = 0;
        if (text is "n" or "next" or "N")
        {
            if (lastPriority < 0)
            {
                error = "can't use 'n' (next) priority on the first entry of a context";
                return false;
            }

            number = lastPriority + 1;
            return true;
        }

        if (text is "s" or "same")
        {
            if (lastPriority < 0)
            {
                error = "can't use 's' (same) priority on the first entry of a context";
                return false;
            }

            number = lastPriority;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            if (number < 1)
            {
                error = $"priority must be 1 or more, got '{text}'";
                return false;
            }

            return true;
        }

        if (extension.TryFindLabel(text, out var labelled))
        {
            number = labelled.Number;
            return true;
        }

        error = $"invalid priority or label '{text}'";
        return false;
    }

    private static void AddInclude(ContextBuilder context, ConfEntry entry, DiagnosticBag diagnostics)
    {
        var value = entry.Value.Trim();
        var sep = value.IndexOfAny([',', '|']);
        var name = (sep < 0 ? value : value[..sep]).Trim();
        if (name.Length == 0)
        {
            diagnostics.Error(entry.File, entry.Line, "include without a context name");
            return;
        }

        TimeSpec? when = null;
        if (sep >= 0)
        {
            if (!TimeSpec.TryParse(value[(sep + 1)..], out var spec, out var error))
            {
                diagnostics.Error(entry.File, entry.Line, $"invalid time limit on include of '{name}': {error}");
                return;
            }

            when = spec;
        }

        context.Includes.Add(new Include(name, when, entry.File, entry.Line));
    }

    private static void AddExtraHints(
        IReadOnlyList<HintDefinition> hints,
        Dictionary<string, ContextBuilder> contexts,
        List<ContextBuilder> order,
        DiagnosticBag diagnostics)
    {
        foreach (var hint in hints)
        {
            if (!ExtensionPattern.TryParse(hint.Exten, out var pattern, out var error))
            {
                diagnostics.Warning(hint.Source, 0, $"hint extension '{hint.Exten}' is invalid: {error}");
                continue;
            }

            if (!contexts.TryGetValue(hint.Context, out var context))
            {
                context = new ContextBuilder(hint.Context, hint.Source, 0);
                contexts[hint.Context] = context;
                order.Add(context);
            }

            var extension = context.GetOrAdd(pattern, null, hint.Source, 0);
            if (!extension.TrySetHint(hint.Devices, hint.Source) && extension.Hint != hint.Devices)
            {
                diagnostics.Warning(hint.Source, 0, $"hint {hint.Exten}@{hint.Context} is already defined ({extension.HintSource}); keeping '{extension.Hint}'");
            }
        }
    }

    private static void CheckIncludes(List<ContextBuilder> order, Dictionary<string, ContextBuilder> contexts, DiagnosticBag diagnostics)
    {
        foreach (var context in order)
        {
            foreach (var include in context.Includes)
            {
                if (!contexts.ContainsKey(include.ContextName))
                {
                    diagnostics.Warning(include.File, include.Line, $"[{context.Name}] includes '{include.ContextName}', which does not exist");
                }
            }
        }
    }
}
