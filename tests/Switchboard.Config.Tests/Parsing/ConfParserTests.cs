using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.Config.Tests.Parsing;

public sealed class ConfParserTests
{
    private static (ConfDocument Doc, DiagnosticBag Diags) Parse(string text, params (string Path, string Text)[] others)
    {
        var src = new InMemoryConfigFileSource().Add("main.conf", text);
        foreach (var (p, t) in others)
        {
            src.Add(p, t);
        }

        var diags = new DiagnosticBag();
        return (ConfParser.Parse(src, "main.conf", diags), diags);
    }

    private static string Dump(ConfDocument doc)
    {
        var parts = new List<string>();
        foreach (var c in doc.Categories)
        {
            var entries = string.Join(",", c.Entries.Select(e => $"{e.Key}{(e.IsObjectArrow ? "=>" : "=")}{e.Value}"));
            parts.Add($"[{c.Name}{(c.IsTemplate ? "!" : "")}]{entries}");
        }

        return string.Join(" ", parts);
    }

    [Theory]
    [InlineData("[a]\nk=v", "[a]k=v")]
    [InlineData("[a]\n  k  =  v w  \n", "[a]k=v w")]
    [InlineData("[a]\nk=v ; comment", "[a]k=v")]
    [InlineData("; only comment\n[a]\n;k=v\nx=1", "[a]x=1")]
    [InlineData("[a]\nk=v\\;w", "[a]k=v;w")]
    [InlineData("[a]\nk=a\\;b;c", "[a]k=a;b")]
    [InlineData("[a]\n;--\nk=v\n--;\nx=1", "[a]x=1")]
    [InlineData("[a]\nk=1 ;-- inline --; j=2\n", "[a]k=1  j=2")]
    [InlineData("[a]\n;-- outer ;-- inner --; still --;\nx=1", "[a]x=1")]
    [InlineData("[a]\nexten => 100,1,Answer()\nsame => n,Hangup()", "[a]exten=>100,1,Answer(),same=>n,Hangup()")]
    [InlineData("[a]\nk=\n", "[a]k=")]
    [InlineData("[a]\nk=x=y", "[a]k=x=y")]
    [InlineData("[a]\nk=1\nk=2\nk=3", "[a]k=1,k=2,k=3")]
    [InlineData("[a]\r\nk=v\r\n", "[a]k=v")]
    [InlineData("\uFEFF[a]\nk=v", "[a]k=v")]
    [InlineData("[t](!)\nk=1\n[a](t)\nj=2", "[t!]k=1 [a]k=1,j=2")]
    [InlineData("[t1](!)\na=1\n[t2](!)\nb=2\n[c](t1,t2)\nc=3", "[t1!]a=1 [t2!]b=2 [c]a=1,b=2,c=3")]
    [InlineData("[t1](!)\na=1\n[t2](!,t1)\nb=2\n[c](t2)\nc=3", "[t1!]a=1 [t2!]a=1,b=2 [c]a=1,b=2,c=3")]
    [InlineData("[a]\nx=1\n[b]\ny=2\n[a](+)\nz=3", "[a]x=1,z=3 [b]y=2")]
    [InlineData("[a]\nx=1\n[a]\ny=2", "[a]x=1 [a]y=2")]
    [InlineData("[ a ] \nx=1", "[a]x=1")]
    [InlineData("[t1](!)\na=1\n[t2](!,t1)\nb=2\n[t3](!,t2)\nc=3\n[x](t3)\nd=4", "[t1!]a=1 [t2!]a=1,b=2 [t3!]a=1,b=2,c=3 [x]a=1,b=2,c=3,d=4")]
    [InlineData("[t](!)\na=1\n[x]\nb=2\n[x](+,t)\nc=3", "[t!]a=1 [x]b=2,a=1,c=3")]
    [InlineData("[x]\nb=2\n[y](x)\nc=3", "[x]b=2 [y]b=2,c=3")]
    [InlineData("[a]\nk = v ; c ;-- d --;\n", "[a]k=v")]
    [InlineData("[a]\nexten => _X.,1,Set(A=${B}\\;x)", "[a]exten=>_X.,1,Set(A=${B};x)")]
    [InlineData("[a]\nexten => s,1,Verbose(a\\,b)", "[a]exten=>s,1,Verbose(a\\,b)")]
    [InlineData("[a]( ! )\nx=1", "[a!]x=1")]
    public void Parses_syntax(string text, string expected)
    {
        var (doc, diags) = Parse(text);
        Assert.Empty(diags.Items);
        Assert.Equal(expected, Dump(doc));
    }

    [Fact]
    public void Remembers_arrow_and_line_numbers()
    {
        var (doc, _) = Parse("; c\n[ctx]\nexten => 1,1,Noop\nfoo = bar\n");
        var cat = Assert.Single(doc.Categories);
        Assert.Equal(2, cat.Line);
        Assert.Equal("main.conf", cat.File);
        Assert.True(cat.Entries[0].IsObjectArrow);
        Assert.Equal(3, cat.Entries[0].Line);
        Assert.False(cat.Entries[1].IsObjectArrow);
        Assert.Equal(4, cat.Entries[1].Line);
    }

    [Fact]
    public void Template_entries_come_first_and_are_marked_inherited()
    {
        var (doc, _) = Parse("[t](!)\nallow=ulaw\n[e](t)\nallow=alaw\n");
        var e = doc.Find("e")!;
        Assert.False(e.IsTemplate);
        Assert.Equal(["t"], e.Templates);
        Assert.True(e.Entries[0].IsInherited);
        Assert.Equal(2, e.Entries[0].Line);
        Assert.False(e.Entries[1].IsInherited);
        Assert.Equal("alaw", e.Get("allow"));
        Assert.Equal(["ulaw", "alaw"], e.All("ALLOW").Select(x => x.Value));
    }

    [Theory]
    [InlineData("k=v", 1, "before any [category]")]
    [InlineData("[a]\njunk line", 2, "expected 'key = value'")]
    [InlineData("[a]\n=v", 2, "missing key")]
    [InlineData("[a\nk=v", 1, "missing ']'")]
    [InlineData("[]\n", 1, "empty category name")]
    [InlineData("[a](!\n", 1, "missing ')'")]
    [InlineData("[a](nosuch)\nk=v", 1, "template 'nosuch'")]
    [InlineData("[a](+)\nk=v", 1, "does not exist")]
    [InlineData("[a]\n#include missing.conf", 2, "file not found")]
    [InlineData("[a]\n#include conf.d/*.conf", 2, "matches no file")]
    [InlineData("[a]\n#include", 2, "without a file name")]
    public void Reports_errors_with_file_and_line(string text, int line, string fragment)
    {
        var (_, diags) = Parse(text);
        var d = Assert.Single(diags.Items);
        Assert.True(d.IsError);
        Assert.Equal("main.conf", d.File);
        Assert.Equal(line, d.Line);
        Assert.Contains(fragment, d.Message, StringComparison.Ordinal);
        Assert.StartsWith($"main.conf:{line}: error: ", d.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a]\n;-- never closed\nk=v", 2, "unterminated block comment")]
    [InlineData("[a] junk\nk=v", 1, "text after category header")]
    [InlineData("[a]\n#exec /bin/true", 2, "not supported")]
    [InlineData("[a]\n#frobnicate x", 2, "unknown directive")]
    public void Reports_warnings_with_file_and_line(string text, int line, string fragment)
    {
        var (_, diags) = Parse(text);
        var d = Assert.Single(diags.Items);
        Assert.False(d.IsError);
        Assert.Equal(line, d.Line);
        Assert.Contains(fragment, d.Message, StringComparison.Ordinal);
        Assert.StartsWith($"main.conf:{line}: warning: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_still_keeps_the_rest_of_the_file()
    {
        var (doc, diags) = Parse("[a]\nx=1\nbroken\ny=2\n[b]\nz=3");
        Assert.Single(diags.Items);
        Assert.Equal("[a]x=1,y=2 [b]z=3", Dump(doc));
    }

    [Theory]
    [InlineData("#include inc.conf")]
    [InlineData("#include \"inc.conf\"")]
    [InlineData("#include <inc.conf>")]
    [InlineData("#include   inc.conf   ; trailing comment")]
    [InlineData("#tryinclude inc.conf")]
    [InlineData("#INCLUDE inc.conf")]
    [InlineData("  #include inc.conf")]
    public void Includes_in_place(string directive)
    {
        var (doc, diags) = Parse($"[a]\nx=1\n{directive}\ny=2\n[c]\nw=4", ("inc.conf", "z=9\n[b]\nq=5\n"));
        Assert.Empty(diags.Items);
        Assert.Equal("[a]x=1,z=9,y=2 [b]q=5 [c]w=4", Dump(doc));
        Assert.Equal(["main.conf", "inc.conf"], doc.Files);
        var b = doc.Find("b")!;
        Assert.Equal("inc.conf", b.File);
        Assert.Equal(2, b.Line);
    }

    [Fact]
    public void Tryinclude_of_a_broken_file_still_reports_its_errors()
    {
        var (_, diags) = Parse("[a]\n#tryinclude inc.conf\n", ("inc.conf", "[\n"));
        Assert.Equal("inc.conf:1: error: missing ']' in category header '['", Assert.Single(diags.Items).ToString());
    }

    [Fact]
    public void Same_file_may_be_included_twice()
    {
        var (doc, diags) = Parse("[a]\n#include inc.conf\n#include inc.conf\n", ("inc.conf", "x=1\n"));
        Assert.Empty(diags.Items);
        Assert.Equal("[a]x=1,x=1", Dump(doc));
    }

    [Fact]
    public void Missing_tryinclude_is_silent()
    {
        var (doc, diags) = Parse("[a]\n#tryinclude nope.conf\n#tryinclude d/*.conf\nx=1");
        Assert.Empty(diags.Items);
        Assert.Equal("[a]x=1", Dump(doc));
    }

    [Fact]
    public void Include_globs_are_sorted_and_relative_to_config_dir()
    {
        var (doc, diags) = Parse(
            "#include conf.d/*.conf\n",
            ("conf.d/b.conf", "[b]\nk=2"),
            ("conf.d/a.conf", "[a]\nk=1\n#include sub/x.conf"),
            ("conf.d/c.txt", "[c]\nk=3"),
            ("sub/x.conf", "[x]\nk=4"),
            ("conf.d/sub/x.conf", "[wrong]\nk=5"));
        Assert.Empty(diags.Items);
        Assert.Equal("[a]k=1 [x]k=4 [b]k=2", Dump(doc));
    }

    [Fact]
    public void Include_loop_is_an_error_not_a_hang()
    {
        var (doc, diags) = Parse("[a]\n#include b.conf\n", ("b.conf", "x=1\n#include main.conf\n"));
        var d = Assert.Single(diags.Items);
        Assert.True(d.IsError);
        Assert.Equal("b.conf", d.File);
        Assert.Equal(2, d.Line);
        Assert.Contains("loop", d.Message, StringComparison.Ordinal);
        Assert.Equal("[a]x=1", Dump(doc));
    }

    [Fact]
    public void Errors_in_included_files_name_that_file()
    {
        var (_, diags) = Parse("[a]\n#include inc.conf\n", ("inc.conf", "\n\nbad\n"));
        var d = Assert.Single(diags.Items);
        Assert.Equal("inc.conf:3: error: expected 'key = value', found 'bad'", d.ToString());
    }

    [Fact]
    public void Missing_top_level_file_is_an_error()
    {
        var diags = new DiagnosticBag();
        var doc = ConfParser.Parse(new InMemoryConfigFileSource(), "pjsip.conf", diags);
        Assert.Empty(doc.Categories);
        Assert.True(diags.HasErrors);
        Assert.Null(ConfParser.ParseOptional(new InMemoryConfigFileSource(), "pjsip.conf", diags));
    }

    [Fact]
    public void Category_lookup_ignores_case()
    {
        var (doc, _) = Parse("[General]\nK=v\n[general](+)\nj=w");
        Assert.Equal("v", doc.Find("GENERAL")!.Get("k"));
        Assert.Single(doc.Categories);
        Assert.Equal(2, doc.Find("general")!.Entries.Count);
    }

    [Fact]
    public void Later_additions_to_a_template_do_not_reach_earlier_children()
    {
        var (doc, _) = Parse("[t](!)\na=1\n[c](t)\n[t](+)\nb=2");
        Assert.Equal("[t!]a=1,b=2 [c]a=1", Dump(doc));
    }
}
