using Switchboard.Media.Codecs;
using Switchboard.Media.Players;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Players;

public sealed class MusicOnHoldTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-moh-").FullName;

    private void Write(string name, double seconds, double frequency)
    {
        using var w = new WavWriter(Path.Combine(_dir, name));
        w.Write(Signals.Sine((int)(seconds * 8000), 8000, frequency));
    }

    [Fact]
    public void ListsOneFilePerNameInAlphaOrder()
    {
        Write("b.wav", 0.1, 300);
        Write("a.wav", 0.1, 300);
        File.WriteAllBytes(Path.Combine(_dir, "a.gsm"), new byte[33]);
        File.WriteAllBytes(Path.Combine(_dir, "c.gsm"), new byte[33]);
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "x");
        var files = new MusicOnHoldClass("default", _dir).ListFiles();
        Assert.Equal(["a.wav", "b.wav", "c.gsm"], files.Select(f => Path.GetFileName(f.Path)));
    }

    [Theory]
    [InlineData("random", MusicOnHoldSort.Random)]
    [InlineData("RandStart", MusicOnHoldSort.RandStart)]
    [InlineData("alpha", MusicOnHoldSort.Alpha)]
    [InlineData(null, MusicOnHoldSort.Alpha)]
    public void ParsesSort(string? value, MusicOnHoldSort sort) => Assert.Equal(sort, MusicOnHoldClass.ParseSort(value));

    [Fact]
    public void PlaysFilesInOrderAndStartsOver()
    {
        Write("1.wav", 0.1, 300);
        Write("2.wav", 0.1, 600);
        using var clock = new Clock();
        var sender = new FakeRtpSender(clock.Time);
        using var player = new PromptPlayer(clock.Wheel, sender, new MuLawCodec(), 0);
        using var moh = new MusicOnHoldPlayer(new MusicOnHoldClass("default", _dir), player, new AudioClipCache(new AudioFileLoader()));
        Assert.True(moh.Start(out var error), error);
        var seen = new List<string>();
        for (int i = 0; i < 600; i++)
        {
            var current = Path.GetFileName(moh.CurrentFile!);
            if (seen.Count == 0 || seen[^1] != current)
            {
                seen.Add(current);
            }

            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(["1.wav", "2.wav", "1.wav", "2.wav", "1.wav", "2.wav"], seen.Take(6));
        moh.Stop();
        Assert.False(moh.IsRunning);
        int count = sender.Packets.Count;
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(count, sender.Packets.Count);
        Assert.Equal(31, count);
    }

    [Fact]
    public void EmptyClassIsAnError()
    {
        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(), new MuLawCodec(), 0);
        var moh = new MusicOnHoldPlayer(new MusicOnHoldClass("empty", Path.Combine(_dir, "nope")), player, new AudioClipCache(new AudioFileLoader()));
        Assert.False(moh.Start(out var error));
        Assert.Contains("no sound files", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenFilesAreSkipped()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.wav"), "not audio");
        Write("good.wav", 0.1, 300);
        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(), new MuLawCodec(), 0);
        using var moh = new MusicOnHoldPlayer(new MusicOnHoldClass("default", _dir), player, new AudioClipCache(new AudioFileLoader()));
        Assert.True(moh.Start(out _));
        Assert.EndsWith("good.wav", moh.CurrentFile, StringComparison.Ordinal);
        Assert.Single(moh.Skipped);
    }

    [Fact]
    public void RandomSortUsesTheRandomSource()
    {
        for (int i = 0; i < 5; i++)
        {
            Write($"{i}.wav", 0.02, 300);
        }

        using var clock = new Clock();
        using var player = new PromptPlayer(clock.Wheel, new FakeRtpSender(), new MuLawCodec(), 0);
        var random = new Random(3);
        int expected = new Random(3).Next(5);
        using var moh = new MusicOnHoldPlayer(new MusicOnHoldClass("default", _dir, MusicOnHoldSort.Random), player, new AudioClipCache(new AudioFileLoader()), random);
        Assert.True(moh.Start(out _));
        Assert.Equal($"{expected}.wav", Path.GetFileName(moh.CurrentFile));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
