using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>A transaction layer on a fake clock with a recording sender.</summary>
internal sealed class TransactionHarness : IDisposable
{
    public static readonly SipPeer Udp = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5070), "transport-udp");
    public static readonly SipPeer Tcp = new(SipTransportProtocol.Tcp, new IPEndPoint(IPAddress.Loopback, 5070), "transport-tcp", 7);

    public TransactionHarness(TransactionTimerSettings? timers = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Wheel = new TimingWheel(Time);
        Sender = new RecordingSender(Time);
        Layer = new TransactionLayer(Sender, Wheel, timers);
    }

    public FakeTimeProvider Time { get; }

    public TimingWheel Wheel { get; }

    public RecordingSender Sender { get; }

    public TransactionLayer Layer { get; }

    /// <summary>Advances the clock 1 ms at a time so every timer fires at its exact due time.</summary>
    public void AdvanceMs(int milliseconds)
    {
        for (int i = 0; i < milliseconds; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    public double NowMs => (Time.GetUtcNow() - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalMilliseconds;

    public static SipMessage Parse(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(SipMessageParser.TryParse(bytes, out SipMessage? m, out SipParseError e), e.Description);
        return m!;
    }

    /// <summary>Feeds a request to the layer (the message is disposed afterwards, as the transport would).</summary>
    public ServerRequestResult Receive(string request, SipPeer? peer = null)
    {
        using SipMessage m = Parse(request);
        m.SetRemote(IPAddress.Loopback, 5070);
        return Layer.OnRequest(m, peer ?? Udp);
    }

    public ResponseDisposition ReceiveResponse(string response, SipPeer? peer = null)
    {
        using SipMessage m = Parse(response);
        return Layer.OnResponse(m, peer ?? Udp);
    }

    public void Dispose() => Wheel.Dispose();
}
