using Switchboard.Media.Players;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Players;

public sealed class SoundFileLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sb-sounds-").FullName;

    private string Touch(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0]);
        return path;
    }

    [Fact]
    public void LanguageOrderIsLanguageThenBaseLanguageThenNoneThenEnglish()
    {
        Assert.Equal(["fr_CA", "fr", "", "en"], SoundFileLocator.LanguageFolders("fr_CA"));
        Assert.Equal(["en", ""], SoundFileLocator.LanguageFolders("en"));
        Assert.Equal(["", "en"], SoundFileLocator.LanguageFolders(null));
    }

    [Fact]
    public void FindsByLanguageWithFallbacks()
    {
        Touch("fr/hello.gsm");
        Touch("hello.wav");
        Touch("en/bye.wav");
        Touch("fr_CA/only.sln");
        var locator = new SoundFileLocator(_root);
        Assert.True(locator.TryFind("hello", "fr_CA", out var file));
        Assert.Equal(Path.Combine(_root, "fr/hello.gsm"), file.Path);
        Assert.True(locator.TryFind("hello", "de", out file));
        Assert.Equal(Path.Combine(_root, "hello.wav"), file.Path);
        Assert.True(locator.TryFind("bye", "de", out file));
        Assert.Equal(Path.Combine(_root, "en/bye.wav"), file.Path);
        Assert.True(locator.TryFind("only", "fr_CA", out file));
        Assert.Equal("slin", file.Format.Codec);
        Assert.False(locator.TryFind("missing", "en", out _));
    }

    [Fact]
    public void DebianVoiceFolderServesItsLanguageWhenNoLanguageFolderExists()
    {
        // asterisk-core-sounds-en-* install /usr/share/asterisk/sounds/en_US_f_Allison; the "en" link comes with
        // the asterisk package, which a Switchboard machine does not have.
        Touch("en_US_f_Allison/digits/1.wav");
        Touch("fr/bonjour.wav");
        Touch("fr_FR_f_Sophie/digits/1.wav");
        var locator = new SoundFileLocator(_root);
        Assert.True(locator.TryFind("digits/1", "en", out var file));
        Assert.Equal(Path.Combine(_root, "en_US_f_Allison/digits/1.wav"), file.Path);
        Assert.True(locator.TryFind("digits/1", "en_US", out file));
        Assert.Equal(Path.Combine(_root, "en_US_f_Allison/digits/1.wav"), file.Path);
        Assert.True(locator.TryFind("digits/1", null, out file));
        Assert.Equal(Path.Combine(_root, "en_US_f_Allison/digits/1.wav"), file.Path);
        // "fr" has its own folder, so the voice folder is not used for it; fr_FR is.
        Assert.True(locator.TryFind("digits/1", "fr_FR", out file));
        Assert.Equal(Path.Combine(_root, "fr_FR_f_Sophie/digits/1.wav"), file.Path);
        Assert.True(locator.TryFind("digits/1", "fr", out file));
        Assert.Equal(Path.Combine(_root, "en_US_f_Allison/digits/1.wav"), file.Path);
    }

    [Fact]
    public void FormatPreferenceAndChannelCodec()
    {
        Touch("en/x.gsm");
        Touch("en/x.wav");
        Touch("en/x.ulaw");
        var locator = new SoundFileLocator(_root);
        Assert.True(locator.TryFind("x", "en", out var file));
        Assert.Equal("wav", file.Format.Extension);
        Assert.True(locator.TryFind("x", "en", out file, channelCodec: "ulaw"));
        Assert.Equal("ulaw", file.Format.Extension);
        var gsmFirst = new SoundFileLocator(_root, ["gsm", "wav"]);
        Assert.True(gsmFirst.TryFind("x", "en", out file));
        Assert.Equal("gsm", file.Format.Extension);
    }

    [Fact]
    public void SubdirectoriesAbsolutePathsAndTraversal()
    {
        Touch("en/digits/5.wav");
        string absolute = Touch("custom/greeting.alaw");
        var locator = new SoundFileLocator(_root);
        Assert.True(locator.TryFind("digits/5", "en", out var file));
        Assert.EndsWith("digits/5.wav", file.Path, StringComparison.Ordinal);
        Assert.True(locator.TryFind(absolute[..^".alaw".Length], null, out file));
        Assert.Equal("alaw", file.Format.Codec);
        Assert.False(locator.TryFind("../etc/passwd", "en", out _));
        Assert.False(locator.TryFind("  ", "en", out _));
    }

    [ToolFact("/usr/share/asterisk/sounds/en_US_f_Allison")]
    public void FindsDebianCoreSounds()
    {
        var locator = new SoundFileLocator(Tools.SoundsDirectory);
        Assert.True(locator.TryFind("vm-intro", "en_US_f_Allison", out var file));
        Assert.Equal("/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav", file.Path);
        Assert.True(locator.TryFind("digits/7", "en_US_f_Allison", out file));
        Assert.True(new SoundFileLocator(Tools.SoundsDirectory, ["gsm"]).TryFind("vm-intro", "en_US_f_Allison", out file));
        Assert.Equal("gsm", file.Format.Extension);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
