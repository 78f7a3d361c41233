using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Tests.TestSupport;

namespace Switchboard.Dialplan.Tests.Loading;

/// <summary>
/// extensions.conf loading per the Asterisk documentation pages "Contexts, Extensions, and Priorities",
/// "Include Statements", "Special Dialplan Extensions" and the extensions.conf sample ([general] options).
/// </summary>
public sealed class DialplanLoaderTests
{
    private static (Switchboard.Dialplan.Model.DialplanSnapshot Snapshot, DiagnosticBag Diagnostics) Load(string text, DialplanLoadOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var document = ConfParser.ParseText("extensions.conf", text, diagnostics);
        return (DialplanLoader.Load(document, diagnostics, options), diagnostics);
    }

    [Fact]
    public void Priorities_n_same_and_labels()
    {
        var (dp, diags) = Load("""
            [ctx]
            exten => 100,1,NoOp(first)
             same => n,NoOp(second)
             same => n(done),Hangup()
            exten => 200,1(start),Answer()
            exten => 200,n,Playback(hello-world)
            exten => 200,s,NoOp(same priority) 
            """);
        Assert.Single(diags.Items, d => d.Message.Contains("already defined", StringComparison.Ordinal));
        Assert.True(dp.TryGetContext("ctx", out var ctx));
        var e100 = ctx.Extensions.Single(e => e.Name == "100");
        Assert.Equal([1, 2, 3], e100.Priorities.Select(p => p.Number));
        Assert.Equal("done", e100.Priorities[2].Label);
        Assert.Equal("Hangup", e100.Priorities[2].Application);
        var e200 = ctx.Extensions.Single(e => e.Name == "200");
        Assert.Equal("start", e200.Priorities[0].Label);
        Assert.Equal("hello-world", e200.Priorities[1].RawArgs);
    }

    [Fact]
    public void Duplicate_priority_is_an_error_with_both_locations()
    {
        var (_, diags) = Load("[ctx]\nexten => 1,1,NoOp()\nexten => 1,1,Hangup()\n");
        var error = Assert.Single(diags.Items, d => d.IsError);
        Assert.Equal(3, error.Line);
        Assert.Equal("extensions.conf", error.File);
        Assert.Contains("extensions.conf:2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'n' on the first line of a context", "[ctx]\nexten => 1,n,NoOp()\n", "can't use 'n'")]
    [InlineData("'same' before any exten", "[ctx]\nsame => n,NoOp()\n", "no previous 'exten")]
    [InlineData("invalid pattern", "[ctx]\nexten => _[]X,1,NoOp()\n", "invalid extension")]
    [InlineData("missing priority", "[ctx]\nexten => 1\n", "has no priority")]
    [InlineData("bad priority", "[ctx]\nexten => 1,first,NoOp()\n", "invalid priority or label")]
    [InlineData("no application", "[ctx]\nexten => 1,1,\n", "has no application")]
    [InlineData("bad include time", "[ctx]\ninclude => x,99:00-10:00,*,*,*\n", "invalid time limit")]
    public void Errors_name_file_and_line(string rule, string text, string message)
    {
        var (_, diags) = Load(text);
        var error = Assert.Single(diags.Items, d => d.IsError);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{rule}: {error}");
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Unknown_applications_are_warnings_with_location()
    {
        var (_, diags) = Load("[ctx]\nexten => 1,1,NoOp()\nexten => 1,2,Frobnicate(x)\n", new DialplanLoadOptions { IsKnownApplication = n => n == "NoOp" });
        var warning = Assert.Single(diags.Items);
        Assert.False(warning.IsError);
        Assert.Equal(3, warning.Line);
        Assert.Contains("unknown application 'Frobnicate'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void General_options_and_unknown_keys()
    {
        var (dp, diags) = Load("[general]\nautofallthrough=no\nclearglobalvars=yes\nallow_system=yes\nextenpatternmatchnew=yes\nbogus=1\n");
        Assert.False(dp.Settings.AutoFallthrough);
        Assert.True(dp.Settings.ClearGlobalVars);
        Assert.True(dp.Settings.AllowSystem);
        var w = Assert.Single(diags.Items);
        Assert.Contains("unknown option 'bogus'", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Globals_are_substituted_in_order()
    {
        var (dp, diags) = Load("[globals]\nCC=46\nPREFIX=+${CC}\n");
        Assert.False(diags.HasErrors);
        Assert.Equal([new KeyValuePair<string, string>("CC", "46"), new KeyValuePair<string, string>("PREFIX", "+46")], dp.Globals);
    }

    [Fact]
    public void Sections_with_the_same_name_and_additions_merge_into_one_context()
    {
        var (dp, diags) = Load("""
            [ctx]
            exten => 1,1,NoOp()
            [other]
            [ctx]
            exten => 2,1,NoOp()
            [ctx](+)
            exten => 3,1,NoOp()
            include => other
            """);
        Assert.False(diags.HasErrors, string.Join("\n", diags.Items));
        Assert.True(dp.TryGetContext("ctx", out var ctx));
        Assert.Equal(["1", "2", "3"], ctx.Extensions.Select(e => e.Name));
        Assert.Equal("other", Assert.Single(ctx.Includes).ContextName);
        Assert.Equal(["ctx", "other"], dp.Contexts.Select(c => c.Name));
    }

    [Fact]
    public void Template_sections_are_not_contexts_but_give_their_lines()
    {
        var (dp, diags) = Load("[tmpl](!)\nexten => h,1,Hangup()\n[ctx](tmpl)\nexten => 1,1,NoOp()\n");
        Assert.False(diags.HasErrors);
        Assert.False(dp.HasContext("tmpl"));
        Assert.True(dp.TryGetContext("ctx", out var ctx));
        Assert.Equal(["1", "h"], ctx.Extensions.Select(e => e.Name));
    }

    [Fact]
    public void Hints_from_the_file_and_from_the_caller()
    {
        var (dp, diags) = Load(
            "[lookup]\nexten => 100,hint,PJSIP/alice&PJSIP/bob\nexten => 100,1,NoOp()\n",
            new DialplanLoadOptions
            {
                ExtraHints =
                [
                    new HintDefinition("+12025550160", "dp_lookup", "PJSIP/john.doe", "pjsip_wizard.conf"),
                    new HintDefinition("100", "lookup", "PJSIP/other", "pjsip_wizard.conf"),
                ],
            });
        Assert.False(diags.HasErrors);
        Assert.Equal(2, dp.Hints.Count);
        Assert.Equal("PJSIP/alice&PJSIP/bob", dp.Hints[0].Devices);
        Assert.Equal(["PJSIP/alice", "PJSIP/bob"], dp.Hints[0].DeviceList);
        Assert.Equal("+12025550160@dp_lookup", $"{dp.Hints[1].Exten}@{dp.Hints[1].Context}");
        Assert.Contains(diags.Items, d => d.Message.Contains("already defined", StringComparison.Ordinal));
    }

    [Fact]
    public void Include_of_missing_context_is_a_warning()
    {
        var (_, diags) = Load("[ctx]\ninclude => nowhere\n");
        var w = Assert.Single(diags.Items);
        Assert.False(w.IsError);
        Assert.Contains("does not exist", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_comma_syntax_and_unclosed_parenthesis()
    {
        var (dp, diags) = Load("[ctx]\nexten => 1,1,Dial,PJSIP/a\nexten => 2,1,Set(x=1\n");
        Assert.True(dp.TryGetContext("ctx", out var ctx));
        Assert.Equal("PJSIP/a", ctx.Extensions[0].Priorities[0].RawArgs);
        Assert.Equal("x=1", ctx.Extensions[1].Priorities[0].RawArgs);
        Assert.Contains(diags.Items, d => d.Message.Contains("no closing parenthesis", StringComparison.Ordinal));
    }

    [Fact]
    public void Commas_inside_a_pattern_set_do_not_split_the_line()
    {
        var (dp, diags) = Load("[ctx]\nexten => _[1,2]X,1,NoOp()\n");
        Assert.False(diags.HasErrors, string.Join("\n", diags.Items));
        Assert.True(dp.TryGetContext("ctx", out var ctx));
        Assert.True(ctx.Extensions[0].Pattern.IsMatch("15"));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("demo")]
    public void Shipped_dialplans_load_without_errors(string folder)
    {
        var source = SeedFiles.Folder(folder);
        var diagnostics = new DiagnosticBag();
        var document = ConfParser.Parse(source, "extensions.conf", diagnostics);
        var dp = DialplanLoader.Load(document, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Empty(diagnostics.Items);
        Assert.NotEmpty(dp.Contexts);
    }

    [Fact]
    public void Seed_uses_the_privatedial_context_names()
    {
        var source = SeedFiles.Folder("seed");
        var diagnostics = new DiagnosticBag();
        var dp = DialplanLoader.Load(ConfParser.Parse(source, "extensions.conf", diagnostics), diagnostics);
        foreach (var name in new[]
        {
            "dp_entry_call_inout", "dp_entry_call_in", "dp_entry_text_inout", "dp_entry_text_in", "dp_entry_answer",
            "dp_lookup", "dp_call_inout", "dp_call_in", "dp_text_inout", "dp_text_in", "dp_answer", "dp_hangup",
            "dp_ivr_recgreet", "sub_dial_term", "sub_voicemail", "sub_dial_trunk", "sub_rewrite_from",
            "sub_decode_body", "sub_text_term", "sub_text_trunk",
        })
        {
            Assert.True(dp.HasContext(name), name);
        }

        Assert.Contains(dp.Globals, g => g.Key == "CONTRY_CODE" && g.Value == "46");
        Assert.Contains(dp.Globals, g => g.Key == "APP_SMS");
        Assert.False(dp.Settings.AllowSystem);
    }
}
