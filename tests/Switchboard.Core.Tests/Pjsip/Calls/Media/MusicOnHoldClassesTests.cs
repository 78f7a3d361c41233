using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Media.Players;

namespace Switchboard.Core.Tests.Pjsip.Calls.Media;

/// <summary>musiconhold.conf: files-mode classes, directories relative to astdatadir, sort, unsupported modes skipped.</summary>
public sealed class MusicOnHoldClassesTests
{
    [Fact]
    public void Files_class_with_relative_directory_is_under_astdatadir()
    {
        var doc = Parse("""
            [general]
            cachertclasses = yes

            [default]
            mode = files
            directory = moh
            sort = random

            [jazz]
            mode = files
            directory = /srv/jazz

            [stream]
            mode = custom
            application = /usr/bin/streamplayer
            """);
        var reports = new List<string>();
        var classes = MusicOnHoldClasses.Parse(doc, "/var/lib/asterisk", reports.Add);
        Assert.Equal(2, classes.Count);
        Assert.Equal(Path.Combine("/var/lib/asterisk", "moh"), classes["default"].Directory);
        Assert.Equal(MusicOnHoldSort.Random, classes["DEFAULT"].Sort);
        Assert.Equal("/srv/jazz", classes["jazz"].Directory);
        Assert.Equal(MusicOnHoldSort.Alpha, classes["jazz"].Sort);
        Assert.Contains(reports, r => r.Contains("[stream]", StringComparison.Ordinal) && r.Contains("custom", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_file_a_default_class_on_astdatadir_moh_is_assumed()
    {
        var classes = MusicOnHoldClasses.Parse(null, "/data");
        Assert.Equal(Path.Combine("/data", "moh"), Assert.Single(classes).Value.Directory);
    }

    [Fact]
    public void Unknown_class_falls_back_to_default()
    {
        var options = new ChannelMediaOptions
        {
            Wheel = new Switchboard.Common.Timing.TimingWheel(TimeProvider.System),
            Sounds = new SoundLibrary(new SoundFileLocator("/nonexistent"), new AudioClipCache(new AudioFileLoader())),
            MusicClasses = MusicOnHoldClasses.Parse(Parse("[default]\nmode=files\ndirectory=moh\n[jazz]\nmode=files\ndirectory=jazz\n"), "/d"),
        };
        Assert.Equal("jazz", options.FindMusicClass("jazz")!.Name);
        Assert.Equal("default", options.FindMusicClass("nosuch")!.Name);
        Assert.Equal("default", options.FindMusicClass(string.Empty)!.Name);
        options.Wheel.Dispose();
    }

    private static ConfDocument Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var doc = ConfParser.ParseText("musiconhold.conf", text, diagnostics);
        Assert.False(diagnostics.HasErrors);
        return doc;
    }
}
