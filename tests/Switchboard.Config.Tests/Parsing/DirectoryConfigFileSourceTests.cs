using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;

namespace Switchboard.Config.Tests.Parsing;

public sealed class DirectoryConfigFileSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sbcfg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string rel, string text)
    {
        var full = Path.Combine(_dir, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void Reads_includes_relative_to_config_dir_with_globs_and_absolute_paths()
    {
        Write("main.conf", "[a]\nk=1\n#include \"conf.d/*.conf\"\n#include " + Path.Combine(_dir, "abs", "z.conf") + "\n");
        Write("conf.d/20-b.conf", "[b]\nk=2\n");
        Write("conf.d/10-a.conf", "[c]\nk=3\n");
        Write("conf.d/.hidden.conf", "[hidden]\n");
        Write("abs/z.conf", "[z]\nk=4\n");
        var diags = new DiagnosticBag();
        var doc = ConfParser.Parse(new DirectoryConfigFileSource(_dir), "main.conf", diags);
        Assert.Empty(diags.Items);
        Assert.Equal(["a", "c", "b", "z"], doc.Categories.Select(c => c.Name));
        Assert.Equal("conf.d/10-a.conf", doc.Find("c")!.File);
    }

    [Fact]
    public void Missing_include_names_the_including_file_and_line()
    {
        Write("main.conf", "[a]\n\n#include nope.conf\n");
        var diags = new DiagnosticBag();
        ConfParser.Parse(new DirectoryConfigFileSource(_dir), "main.conf", diags);
        Assert.Equal("main.conf:3: error: #include 'nope.conf': file not found", Assert.Single(diags.Items).ToString());
    }

    [Theory]
    [InlineData("*.conf", "a.conf", true)]
    [InlineData("*.conf", "a.confx", false)]
    [InlineData("a?.conf", "ab.conf", true)]
    [InlineData("[ab]*", "b1", true)]
    [InlineData("[!ab]*", "b1", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("x*y*z", "xaaybbz", true)]
    [InlineData("x*y*z", "xaaybb", false)]
    public void Glob_matches_segments(string pattern, string name, bool expected) =>
        Assert.Equal(expected, GlobPattern.IsMatch(pattern, name));
}
