using System.IO.Pipelines;
using System.Text;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Tests.Protocol;

public sealed class AmiProtocolTextTests
{
    [Fact]
    public void Clean_replaces_control_characters()
    {
        Assert.Equal("a  Event: Forged", AmiText.Clean("a\r\nEvent: Forged"));
        Assert.Equal("tab x", AmiText.Clean("tab\tx"));
        Assert.Same("plain", AmiText.Clean("plain"));
        Assert.Equal("k v", AmiText.CleanKey("k:v"));
    }

    [Fact]
    public void Message_builder_cannot_be_forged()
    {
        var text = AmiMessage.Error("1\r\nResponse: Success", "bad\nEvent: X").ToString();
        Assert.Equal("Response: Error\r\nActionID: 1  Response: Success\r\nMessage: bad Event: X\r\n\r\n", text);
    }

    private static AmiRequestReader Reader(string text, int max = 1024)
        => new(PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text))), max);

    [Fact]
    public async Task Reads_messages_with_crlf_or_lf_and_skips_blank_lines()
    {
        var r = Reader("\r\n\r\nAction: Ping\r\nActionID: 7\r\n\r\nAction: Login\nUsername:  bob \n\nnocolon\n\n");
        var (s1, m1) = await r.ReadAsync(default);
        Assert.Equal(AmiReadStatus.Message, s1);
        Assert.Equal("Ping", m1!.Action);
        Assert.Equal("7", m1.ActionId);
        var (_, m2) = await r.ReadAsync(default);
        Assert.Equal("bob", m2!.Get("username"));
        var (_, m3) = await r.ReadAsync(default);
        Assert.Equal(string.Empty, m3!.Action);
        Assert.Equal("nocolon", m3.Headers[0].Key);
        var (s4, _) = await r.ReadAsync(default);
        Assert.Equal(AmiReadStatus.Closed, s4);
    }

    [Fact]
    public async Task Too_long_line_is_reported_without_a_newline()
    {
        var r = Reader("Action: " + new string('x', 5000), max: 1024);
        var (s, _) = await r.ReadAsync(default);
        Assert.Equal(AmiReadStatus.TooLong, s);
    }

    [Fact]
    public async Task Too_many_headers_is_reported()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            sb.Append("H").Append(i).Append(": x\r\n");
        }

        var (s, _) = await Reader(sb.ToString(), 1024).ReadAsync(default);
        Assert.Equal(AmiReadStatus.TooManyHeaders, s);
    }
}
