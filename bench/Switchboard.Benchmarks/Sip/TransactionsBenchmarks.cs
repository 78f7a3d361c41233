using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Common.Timing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Benchmarks.Sip;

/// <summary>
/// A REGISTER arrives, creates a non-INVITE server transaction and is answered 200 (minimal response). Each
/// operation also advances the clock 1 ms and runs the wheel, so over UDP about 32,000 transactions are alive in
/// Completed (Timer J) and each op pays for one termination too: the steady state of a loaded registrar. Over TCP
/// the transaction ends at the answer. Parsing the REGISTER into a reused message is included (it allocates 0 B).
/// </summary>
[MemoryDiagnoser]
public class TransactionsBenchmarks
{
    private const string Register =
        "REGISTER sip:pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.44:5062;rport;branch=z9hG4bK0000000000\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=8f7e6d\r\n" +
        "To: <sip:1001@pbx.example.com>\r\n" +
        "Call-ID: 5c3c1b7e-reg-1001\r\n" +
        "CSeq: 42 REGISTER\r\n" +
        "Contact: <sip:1001@192.0.2.44:5062;ob>;expires=3600\r\n" +
        "Expires: 3600\r\n" +
        "User-Agent: bench\r\n" +
        "Content-Length: 0\r\n\r\n";

    private static readonly SipPeer UdpPeer = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.44"), 5062), "transport-udp");
    private static readonly SipPeer TcpPeer = new(SipTransportProtocol.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.44"), 5062), "transport-tcp", 1);

    private ManualClock _clock = null!;
    private TimingWheel _wheel = null!;
    private TransactionLayer _layer = null!;
    private byte[] _request = null!;
    private int _branchDigits;
    private SipMessage _message = null!;
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new ManualClock();
        _wheel = new TimingWheel(_clock);
        _layer = new TransactionLayer(new NullSender(), _wheel);
        _request = Encoding.ASCII.GetBytes(Register);
        _branchDigits = Register.IndexOf("z9hG4bK", StringComparison.Ordinal) + 7;
        SipMessageParser.TryParse(_request, out SipMessage? m, out _);
        _message = m!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _message.Dispose();
        _wheel.Dispose();
    }

    [Benchmark(Baseline = true)]
    public bool RegisterOverUdp() => Run(UdpPeer);

    [Benchmark]
    public bool RegisterOverTcp() => Run(TcpPeer);

    private bool Run(in SipPeer peer)
    {
        NextBranch();
        SipMessageParser.TryParse(_request, SipParseMode.Datagram, _message, out _);
        ServerRequestResult r = _layer.OnRequest(_message, peer);
        bool sent = r.Transaction!.SendResponse(200, "OK"u8, "b7a1c9"u8);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _wheel.RunDue();
        return sent;
    }

    private void NextBranch()
    {
        long n = ++_counter;
        for (int i = 9; i >= 0; i--)
        {
            _request[_branchDigits + i] = (byte)('0' + (n % 10));
            n /= 10;
        }
    }

    private sealed class NullSender : ISipMessageSender
    {
        public bool Send(in SipPeer peer, ReadOnlySpan<byte> message) => true;
    }
}
