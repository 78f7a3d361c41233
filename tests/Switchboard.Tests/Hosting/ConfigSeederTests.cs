using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class ConfigSeederTests
{
    private static string MakeSeed(TestDirectory dir)
    {
        dir.Write("seed/pjsip.conf", "[global]\ntype=global\n");
        dir.Write("seed/extensions.conf", "[demo]\n");
        dir.Write("seed/sub/extra.conf", "; nested\n");
        return dir.Combine("seed");
    }

    [Fact]
    public void Empty_config_dir_gets_every_seed_file()
    {
        using var dir = new TestDirectory();
        string seed = MakeSeed(dir);
        var log = new ListLogger();
        SeedResult result = ConfigSeeder.SeedIfEmpty(dir.Combine("conf"), seed, log);

        Assert.Equal(SeedOutcome.Seeded, result.Outcome);
        Assert.Equal(["extensions.conf", "pjsip.conf", "sub/extra.conf"], result.CopiedFiles);
        Assert.Equal("[global]\ntype=global\n", File.ReadAllText(dir.Combine("conf", "pjsip.conf")));
        Assert.True(File.Exists(dir.Combine("conf", "sub", "extra.conf")));
        Assert.Empty(Directory.GetFiles(dir.Combine("conf"), "*.seed-tmp", SearchOption.AllDirectories));
        Assert.True(log.Contains(LogLevel.Information, "seeded 3 config files"));
    }

    [Fact]
    public void Non_empty_config_dir_is_untouched()
    {
        using var dir = new TestDirectory();
        string seed = MakeSeed(dir);
        string mine = dir.Write("conf/pjsip.conf", "; my own\n");
        DateTime before = File.GetLastWriteTimeUtc(mine);

        SeedResult result = ConfigSeeder.SeedIfEmpty(dir.Combine("conf"), seed, new ListLogger());

        Assert.Equal(SeedOutcome.NotEmpty, result.Outcome);
        Assert.Equal("; my own\n", File.ReadAllText(mine));
        Assert.Equal(before, File.GetLastWriteTimeUtc(mine));
        Assert.Equal(["pjsip.conf"], Directory.GetFileSystemEntries(dir.Combine("conf")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_volume_root_with_only_lost_and_found_counts_as_empty()
    {
        using var dir = new TestDirectory();
        string seed = MakeSeed(dir);
        Directory.CreateDirectory(dir.Combine("conf", "lost+found"));
        Assert.Equal(SeedOutcome.Seeded, ConfigSeeder.SeedIfEmpty(dir.Combine("conf"), seed, new ListLogger()).Outcome);
    }

    [Fact]
    public void Missing_config_dir_is_created_and_seeded()
    {
        using var dir = new TestDirectory();
        string seed = MakeSeed(dir);
        Assert.Equal(SeedOutcome.Seeded, ConfigSeeder.SeedIfEmpty(dir.Combine("a", "b", "conf"), seed, new ListLogger()).Outcome);
        Assert.True(File.Exists(dir.Combine("a", "b", "conf", "pjsip.conf")));
    }

    [Fact]
    public void Unusable_config_dir_is_reported_and_not_seeded()
    {
        using var dir = new TestDirectory();
        string seed = MakeSeed(dir);
        string notADir = dir.Write("conf", "I am a file");
        var log = new ListLogger();
        SeedResult result = ConfigSeeder.SeedIfEmpty(notADir, seed, log);
        Assert.Equal(SeedOutcome.Failed, result.Outcome);
        Assert.Contains("cannot read config dir", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.True(log.Contains(LogLevel.Error, "not seeding"));
        Assert.Equal("I am a file", File.ReadAllText(notADir));
    }

    [Fact]
    public void Empty_seed_source_is_reported()
    {
        using var dir = new TestDirectory();
        Directory.CreateDirectory(dir.Combine("seed"));
        var log = new ListLogger();
        Assert.Equal(SeedOutcome.NoSeedFiles, ConfigSeeder.SeedIfEmpty(dir.Combine("conf"), dir.Combine("seed"), log).Outcome);
        Assert.True(log.Contains(LogLevel.Warning, "has no seed files"));
    }

    [Theory]
    [InlineData("pjsip.conf", true)]
    [InlineData("sub/x.conf", true)]
    [InlineData("../x.conf", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("a//b", false)]
    [InlineData("", false)]
    public void Seed_paths_cannot_escape_the_config_dir(string path, bool safe) =>
        Assert.Equal(safe, SeedPaths.IsSafeRelative(path));

    [Fact]
    public void Embedded_seed_is_exactly_the_repository_config_seed_folder()
    {
        string repoSeed = Path.Combine(RepoRoot(), "config", "seed");
        var expected = new List<string>();
        if (Directory.Exists(repoSeed))
        {
            foreach (string file in Directory.EnumerateFiles(repoSeed, "*", SearchOption.AllDirectories))
            {
                expected.Add(Path.GetRelativePath(repoSeed, file).Replace('\\', '/'));
            }
        }

        expected.Sort(StringComparer.Ordinal);
        IReadOnlyList<SeedFile> embedded = new EmbeddedSeedSource().Files();
        Assert.Equal(expected, embedded.Select(f => f.RelativePath));
        foreach (SeedFile file in embedded)
        {
            using Stream stream = file.Open();
            using var reader = new StreamReader(stream);
            Assert.Equal(File.ReadAllText(Path.Combine(repoSeed, file.RelativePath)), reader.ReadToEnd());
        }
    }

    internal static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Switchboard.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("repository root not found");
    }
}
