using System.Net;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Config.Rtp;
using Switchboard.Config.Snapshot;

namespace Switchboard.Config.Tests.Shipped;

/// <summary>The configurations in config/seed and config/demo load with zero errors (and no warnings in our files).</summary>
public sealed class ShippedConfigTests
{
    private static readonly string[] OwnFiles = ["pjsip", "rtp.conf", "logger.conf", "asterisk.conf"];

    [Theory]
    [InlineData("seed")]
    [InlineData("demo")]
    public void Loads_without_errors(string which)
    {
        var dir = Path.Combine(RepoPaths.Root, "config", which);
        var result = ConfigSnapshotLoader.Load(dir);
        Assert.True(result.Succeeded, ConfigChecker.Format(result));
        Assert.Equal(0, ConfigChecker.ExitCode(result));
        Assert.DoesNotContain(result.Diagnostics, d => OwnFiles.Any(f => d.File.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Seed_network_and_media()
    {
        var snapshot = ConfigSnapshotLoader.Load(RepoPaths.SeedConfig).Snapshot!;
        var p = snapshot.Pjsip;
        Assert.Equal(["udp", "tcp", "tls"], p.Transports.Select(t => t.Name));
        Assert.Equal(5060, p.Transports["udp"].EffectivePort);
        Assert.Equal(5060, p.Transports["tcp"].EffectivePort);
        Assert.Equal(5061, p.Transports["tls"].EffectivePort);
        Assert.Equal(TransportProtocol.Tls, p.Transports["tls"].Protocol);
        Assert.Equal("", p.Transports["udp"].ExternalSignalingAddress);
        Assert.Equal((10000, 10099, StrictRtpMode.No), (snapshot.Rtp.RtpStart, snapshot.Rtp.RtpEnd, snapshot.Rtp.StrictRtp));
        Assert.Empty(p.Endpoints);
        Assert.NotNull(snapshot.Document("logger.conf"));
    }

    [Fact]
    public void Seed_examples_are_valid_once_uncommented()
    {
        var source = new InMemoryConfigFileSource();
        foreach (var path in Directory.GetFiles(RepoPaths.SeedConfig))
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            source.Add(name, name == "pjsip_endpoint.conf" ? Uncomment(text) : text);
        }

        var diags = new DiagnosticBag();
        var config = PjsipConfigLoader.Load(source, diags);
        Assert.Empty(diags.Items);
        Assert.Equal(["itsp:example", "ann.example"], config.Endpoints.Select(e => e.Name));
        var ann = config.Endpoints["ann.example"];
        Assert.Equal("dp_entry_call_inout", ann.Context);
        Assert.Equal("dp_entry_text_inout", ann.MessageContext);
        Assert.Equal(["ann.example-iauth"], ann.Auths);
        Assert.Contains(ann.SetVars, v => v.Name == "TRUNK_ENDPOINT" && v.Value == "itsp:example");
        Assert.Equal(10, config.Aors["ann.example"].MaxContacts);
        var hint = Assert.Single(config.Hints);
        Assert.Equal(("+15555550101", "dp_lookup", "PJSIP/ann.example"), (hint.Exten, hint.Context, hint.Device));
        Assert.Equal("dp_entry_call_in", config.Endpoints["itsp:example"].Context);
        Assert.Equal("sip:account-name@sip.provider.example", config.Registrations["itsp:example-reg-0"].ClientUri);
        Assert.Equal(["sip.provider.example"], config.Identifies["itsp:example-identify"].Matches.Select(m => m.Text));
    }

    [Fact]
    public void Demo_has_alice_and_bob_on_loopback()
    {
        var result = ConfigSnapshotLoader.Load(RepoPaths.DemoConfig);
        var p = result.Snapshot!.Pjsip;
        Assert.Equal(["demo-udp", "demo-tcp"], p.Transports.Select(t => t.Name));
        Assert.All(p.Transports, t => Assert.Equal((IPAddress.Loopback, 5060), (t.BindAddress, t.EffectivePort)));
        Assert.Equal([TransportProtocol.Udp, TransportProtocol.Tcp], p.Transports.Select(t => t.Protocol));

        Assert.Equal(["alice", "bob"], p.Endpoints.Select(e => e.Name));
        Assert.All(p.Endpoints, e => Assert.Equal("demo", e.Context));
        Assert.Equal(("alice", "alice-secret-1"), (p.Auths["alice-iauth"].Username, p.Auths["alice-iauth"].Password));
        Assert.Equal(("bob", "bob-secret-2"), (p.Auths["bob-iauth"].Username, p.Auths["bob-iauth"].Password));
        Assert.True(p.Aors["alice"].MaxContacts > 0);
        Assert.Equal([("1001", "demo", "PJSIP/alice"), ("1002", "demo", "PJSIP/bob")], p.Hints.Select(h => (h.Exten, h.Context, h.Device)));
        Assert.Equal((10000, 10099), (result.Snapshot.Rtp.RtpStart, result.Snapshot.Rtp.RtpEnd));
    }

    private static string Uncomment(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.Length > 1 && l[0] == ';' && l[1] != ' ' && l[1] != ';' && l[1] != '-' && l[1] != '\r')
            {
                lines[i] = l[1..];
            }
        }

        return string.Join('\n', lines);
    }
}
