using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class TelephoneEventTests
{
    [Fact]
    public void ParsesAndWritesPayload()
    {
        // RFC 4733 §2.3: event 5, end bit, volume 10, duration 800.
        byte[] payload = [5, 0x8A, 0x03, 0x20];
        Assert.True(TelephoneEvent.TryParse(payload, out var ev));
        Assert.Equal(new TelephoneEvent(5, true, 10, 800), ev);
        var written = new byte[4];
        Assert.Equal(4, ev.Write(written));
        Assert.Equal(payload, written);
        Assert.False(TelephoneEvent.TryParse(payload.AsSpan(0, 3), out _));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    [InlineData('!', 16)]
    public void DigitCodes(char digit, int code)
    {
        Assert.True(DtmfDigits.TryGetEvent(digit, out byte e));
        Assert.Equal(code, e);
        Assert.True(DtmfDigits.TryGetDigit(code, out char back));
        Assert.Equal(char.ToUpperInvariant(digit), back);
    }

    [Fact]
    public void NonDigits()
    {
        Assert.False(DtmfDigits.TryGetEvent('x', out _));
        Assert.False(DtmfDigits.TryGetDigit(17, out _));
    }

    [Fact]
    public void SequenceForA100MsDigit()
    {
        var seq = new DtmfEventSequence('7', durationMs: 100);
        Assert.Equal(7, seq.PacketCount);
        var payload = new byte[4];
        var events = new List<(TelephoneEvent Event, bool Marker)>();
        for (int i = 0; i < seq.PacketCount; i++)
        {
            seq.WritePayload(i, payload, out bool marker);
            Assert.True(TelephoneEvent.TryParse(payload, out var ev));
            events.Add((ev, marker));
        }

        Assert.True(events[0].Marker);
        Assert.All(events.Skip(1), e => Assert.False(e.Marker));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], events.Select(e => (int)e.Event.Duration));
        Assert.Equal([false, false, false, false, true, true, true], events.Select(e => e.Event.End));
        Assert.All(events, e => Assert.Equal(7, e.Event.Event));
    }

    [Fact]
    public void ShortestDigitIsThreeEndPackets()
    {
        var seq = new DtmfEventSequence('#', durationMs: 20);
        Assert.Equal(3, seq.PacketCount);
        var payload = new byte[4];
        seq.WritePayload(0, payload, out bool marker);
        Assert.True(marker);
        Assert.True(TelephoneEvent.TryParse(payload, out var ev) && ev.End && ev.Duration == 160);
    }
}
