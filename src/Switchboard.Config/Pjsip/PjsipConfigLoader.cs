using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Reading;
using Switchboard.Config.Pjsip.Wizard;

namespace Switchboard.Config.Pjsip;

/// <summary>Loads pjsip.conf (with includes) and pjsip_wizard.conf into a <see cref="PjsipConfig"/>.</summary>
public static class PjsipConfigLoader
{
    /// <summary>Main PJSIP file name.</summary>
    public const string PjsipFile = "pjsip.conf";

    /// <summary>Wizard file name.</summary>
    public const string WizardFile = "pjsip_wizard.conf";

    /// <summary>
    /// Reads and builds the PJSIP configuration. pjsip.conf must exist; pjsip_wizard.conf is optional.
    /// Always returns a config; check <see cref="DiagnosticBag.HasErrors"/> before using it.
    /// </summary>
    public static PjsipConfig Load(IConfigFileSource source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pjsip = ConfParser.Parse(source, PjsipFile, diagnostics);
        var wizard = ConfParser.ParseOptional(source, WizardFile, diagnostics);
        return Build(pjsip, wizard, diagnostics);
    }

    /// <summary>Builds the configuration from already parsed documents.</summary>
    public static PjsipConfig Build(ConfDocument pjsip, ConfDocument? wizard, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(pjsip);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var builder = new PjsipConfigBuilder();
        foreach (var category in pjsip.Categories)
        {
            if (!category.IsTemplate)
            {
                ReadCategory(category, builder, diagnostics);
            }
        }

        if (wizard is not null)
        {
            var expansion = PjsipWizard.Expand(wizard, diagnostics);
            foreach (var generated in expansion.Objects)
            {
                var obj = PjsipObjectReader.Read(generated.TypeName, generated.Name, generated.Entries, generated.File, generated.Line, diagnostics);
                AddOrMarkFailed(builder, obj, generated.TypeName, generated.Name, diagnostics);
            }

            builder.AddHints(expansion.Hints);
        }

        var config = builder.Build();
        PjsipReferenceChecker.Check(config, builder.Failed, diagnostics);
        return config;
    }

    private static void ReadCategory(ConfCategory category, PjsipConfigBuilder builder, DiagnosticBag diagnostics)
    {
        var typeEntry = category.Last("type");
        if (typeEntry is null)
        {
            diagnostics.Warning(category.File, category.Line, $"[{category.Name}] has no type= option; ignored");
            return;
        }

        var type = typeEntry.Value.Trim().ToLowerInvariant();
        if (type == "wizard")
        {
            diagnostics.Warning(typeEntry.File, typeEntry.Line, $"[{category.Name}]: type=wizard belongs in {WizardFile}; ignored here");
            return;
        }

        if (!PjsipObjectReader.IsSupportedType(type))
        {
            diagnostics.Warning(typeEntry.File, typeEntry.Line, PjsipObjectReader.IsKnownUnsupportedType(type)
                ? $"[{category.Name}]: object type '{type}' is not supported by Switchboard; ignored"
                : $"[{category.Name}]: unknown object type '{type}'; ignored");
            return;
        }

        if (type == "global" && builder.Global is not null)
        {
            diagnostics.Warning(category.File, category.Line, $"[{category.Name}]: more than one type=global object; its options are merged into the first");
        }

        var obj = PjsipObjectReader.Read(type, category.Name, category.Entries, category.File, category.Line, diagnostics, builder.Global);
        AddOrMarkFailed(builder, obj, type, category.Name, diagnostics);
    }

    private static void AddOrMarkFailed(PjsipConfigBuilder builder, PjsipObject? obj, string type, string name, DiagnosticBag diagnostics)
    {
        if (obj is null)
        {
            builder.Failed.Add((type, name));
        }
        else
        {
            builder.Add(obj, diagnostics);
        }
    }
}
