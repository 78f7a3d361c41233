using System.Buffers;
using System.Text;
using Switchboard.Common.Framing;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Framing;

public sealed class SipStreamFramerTests
{
    private const string Options = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nl: 5\r\n\r\nhello";

    private static ReadOnlySequence<byte> Seq(string s) => new(Encoding.ASCII.GetBytes(s));

    /// <summary>Builds a sequence split into one-byte segments.</summary>
    private static ReadOnlySequence<byte> Fragmented(string s)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(s);
        Segment first = new(bytes.AsMemory(0, 1), 0);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    [Fact]
    public void CompleteMessageIsFramedAndExtraBytesAreLeftForTheNext()
    {
        Assert.True(SipStreamFramer.TryFrame(Seq(Options + "INVITE"), out SipFrame f));
        Assert.Equal(SipFrameKind.Message, f.Kind);
        Assert.Equal(Options.Length, f.Length);
    }

    [Fact]
    public void FragmentedSequenceFramesTheSame()
    {
        Assert.True(SipStreamFramer.TryFrame(Fragmented(Options), out SipFrame f));
        Assert.Equal((SipFrameKind.Message, Options.Length), (f.Kind, f.Length));
    }

    [Fact]
    public void PartialHeadersOrBodyNeedMoreData()
    {
        for (int cut = 0; cut < Options.Length; cut++)
        {
            Assert.False(SipStreamFramer.TryFrame(Seq(Options[..cut]), out SipFrame f), $"cut {cut}");
            Assert.Equal(SipFrameKind.Incomplete, f.Kind);
        }
    }

    [Fact]
    public void MissingContentLengthIsAnErrorOnStreams()
    {
        Assert.True(SipStreamFramer.TryFrame(Seq("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n\r\n"), out SipFrame f));
        Assert.Equal((SipFrameKind.Error, SipParseErrorCode.MissingContentLength), (f.Kind, f.Error));
    }

    [Theory]
    [InlineData("Content-Length: -3", SipParseErrorCode.BadContentLength)]
    [InlineData("Content-Length: 1\r\nl: 1", SipParseErrorCode.MultipleContentLength)]
    [InlineData("Content-Length: 99999999", SipParseErrorCode.BadContentLength)]
    public void BadContentLengthIsAnError(string header, SipParseErrorCode code)
    {
        Assert.True(SipStreamFramer.TryFrame(Seq("OPTIONS sip:a@b SIP/2.0\r\n" + header + "\r\n\r\n"), out SipFrame f));
        Assert.Equal((SipFrameKind.Error, code), (f.Kind, f.Error));
    }

    [Fact]
    public void CrlfPingAndPongAreRecognised()
    {
        Assert.True(SipStreamFramer.TryFrame(Seq("\r\n\r\nOPTIONS"), out SipFrame ping));
        Assert.Equal((SipFrameKind.Ping, 4), (ping.Kind, ping.Length));
        Assert.True(SipStreamFramer.TryFrame(Seq("\r\nSIP/2.0 200 OK"), out SipFrame pong));
        Assert.Equal((SipFrameKind.Pong, 2), (pong.Kind, pong.Length));
        Assert.False(SipStreamFramer.TryFrame(Seq("\r\n"), out _)); // may still become a ping
        Assert.False(SipStreamFramer.TryFrame(Seq("\r\n\r"), out _));
    }

    [Fact]
    public void HugeHeaderWithoutEndIsRejected()
    {
        string big = "OPTIONS sip:a@b SIP/2.0\r\nX: " + new string('a', SipStreamFramer.MaxHeaderBytes) + "\r\n";
        Assert.True(SipStreamFramer.TryFrame(Seq(big), out SipFrame f));
        Assert.Equal((SipFrameKind.Error, SipParseErrorCode.MessageTooLarge), (f.Kind, f.Error));
    }

    [Fact]
    public void AdapterImplementsTheCommonFramer()
    {
        IMessageFramer framer = SipMessageFramer.Instance;
        Assert.Equal(new FrameResult(FrameStatus.Message, Options.Length), framer.Frame(Seq(Options)));
        FrameResult ka = framer.Frame(Seq("\r\n\r\n"));
        Assert.Equal((FrameStatus.KeepAlive, 4L), (ka.Status, ka.Length));
        Assert.True(SipMessageFramer.IsPing("\r\n\r\n"u8));
        Assert.Equal(FrameStatus.NeedMoreData, framer.Frame(Seq("OPTIONS")).Status);
        Assert.Equal(FrameStatus.Invalid, framer.Frame(Seq("OPTIONS sip:a@b SIP/2.0\r\n\r\n")).Status);
    }

    [Fact]
    public void FramedMessageParsesInStreamMode()
    {
        Assert.True(SipStreamFramer.TryFrame(Seq(Options), out SipFrame f));
        byte[] bytes = Encoding.ASCII.GetBytes(Options)[..f.Length];
        Assert.True(SipMessageParser.TryParse(bytes, SipParseMode.Stream, out SipMessage? m, out _));
        using (m)
        {
            Assert.Equal("hello", Encoding.ASCII.GetString(m.Body.Span));
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            Segment next = new(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
