using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Rtp;

namespace Switchboard.Config.Tests.Rtp;

public sealed class RtpConfigLoaderTests
{
    private static (RtpConfig Config, DiagnosticBag Diags) Load(string? text)
    {
        var src = new InMemoryConfigFileSource();
        if (text is not null)
        {
            src.Add("rtp.conf", text);
        }

        var diags = new DiagnosticBag();
        return (RtpConfigLoader.Load(src, diags), diags);
    }

    [Fact]
    public void Absent_file_gives_asterisk_defaults()
    {
        var (c, diags) = Load(null);
        Assert.Empty(diags.Items);
        Assert.Equal((5000, 31000, StrictRtpMode.Yes, 5000, 4), (c.RtpStart, c.RtpEnd, c.StrictRtp, c.RtcpIntervalMs, c.Probation));
    }

    [Fact]
    public void Reads_general_and_accepts_ice_options_silently()
    {
        var (c, diags) = Load("[general]\nrtpstart=10000\nrtpend=10099\nstrictrtp=no\nrtcpinterval=0\nicesupport=yes\nstunaddr=stun.example:3478\nturnaddr=t\n[ice_host_candidates]\n192.168.1.2 => 203.0.113.9\n");
        Assert.Empty(diags.Items);
        Assert.Equal((10000, 10099, StrictRtpMode.No, 0), (c.RtpStart, c.RtpEnd, c.StrictRtp, c.RtcpIntervalMs));
        Assert.Equal(50, c.PortPairCount);
    }

    [Fact]
    public void Kernel_forwarding_is_off_unless_asked_for()
    {
        Assert.False(Load(null).Config.KernelForwarding);
        var (c, diags) = Load("[general]\nkernel_forwarding=yes\n");
        Assert.Empty(diags.Items);
        Assert.True(c.KernelForwarding);
    }

    [Theory]
    [InlineData("strictrtp=seqno", StrictRtpMode.SeqNo)]
    [InlineData("strictrtp=yes", StrictRtpMode.Yes)]
    [InlineData("strictrtp=off", StrictRtpMode.No)]
    public void Strict_rtp_modes(string line, StrictRtpMode expected) =>
        Assert.Equal(expected, Load("[general]\n" + line).Config.StrictRtp);

    [Theory]
    [InlineData("rtpstart=abc", 2, "rtpstart")]
    [InlineData("rtpstart=80", 2, "1024 to 65535")]
    [InlineData("rtpend=70000", 2, "1024 to 65535")]
    [InlineData("strictrtp=sometimes", 2, "strictrtp")]
    [InlineData("rtpstart=20000\nrtpend=10000", 1, "must be lower")]
    [InlineData("rtpchecksums=perhaps", 2, "yes or no")]
    [InlineData("kernel_forwarding=maybe", 2, "yes or no")]
    public void Bad_values_are_errors(string lines, int line, string fragment)
    {
        var (_, diags) = Load("[general]\n" + lines);
        var d = Assert.Single(diags.Items);
        Assert.True(d.IsError);
        Assert.Equal(("rtp.conf", line), (d.File, d.Line));
        Assert.Contains(fragment, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[general]\nfoo=1", "unknown option 'foo'")]
    [InlineData("[other]\nfoo=1", "unknown section [other]")]
    [InlineData("[general]\nrtcpinterval=100", "using 500")]
    public void Warnings(string text, string fragment)
    {
        var (_, diags) = Load(text);
        var d = Assert.Single(diags.Items);
        Assert.False(d.IsError);
        Assert.Contains(fragment, d.Message, StringComparison.Ordinal);
    }
}
