using BenchmarkDotNet.Attributes;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Benchmarks.Sip;

/// <summary>
/// Parsing budgets (issue 2): the RFC 4475 wsinv INVITE and a typical authenticated REGISTER must allocate 0 bytes
/// in steady state. Each benchmark parses and touches the headers a request handler reads.
/// </summary>
[MemoryDiagnoser]
public class SipParserBenchmarks
{
    private readonly SipMessage _message = CreateMessage();
    private byte[] _wsinv = [];
    private byte[] _register = [];

    [GlobalSetup]
    public void Setup()
    {
        _wsinv = SipBenchmarkMessages.Wsinv;
        _register = SipBenchmarkMessages.Register;
    }

    private static SipMessage CreateMessage()
    {
        SipMessageParser.TryParse("OPTIONS sip:a@b SIP/2.0\r\n\r\n"u8.ToArray(), out SipMessage? m, out _);
        return m!;
    }

    /// <summary>Parse wsinv into a reused message and read top Via, CSeq, Call-ID.</summary>
    [Benchmark]
    public int ParseWsinvInvite()
    {
        SipMessageParser.TryParse(_wsinv, SipParseMode.Datagram, _message, out _);
        _message.TryGetTopVia(out SipVia via);
        _message.TryGetCSeq(out SipCSeq cseq);
        return via.Branch.Length + (int)cseq.Number + _message.CallId.Length + _message.HeaderCount;
    }

    /// <summary>Parse wsinv through the pooled entry point (rent + dispose).</summary>
    [Benchmark]
    public int ParseWsinvInvitePooled()
    {
        SipMessageParser.TryParse(_wsinv, out SipMessage? m, out _);
        int n = m!.HeaderCount;
        m.Dispose();
        return n;
    }

    /// <summary>Parse a REGISTER and read what the registrar reads: Via, CSeq, To, Contact, Expires, Authorization.</summary>
    [Benchmark]
    public int ParseRegisterWithAuthorization()
    {
        SipMessageParser.TryParse(_register, SipParseMode.Datagram, _message, out _);
        _message.TryGetTopVia(out SipVia via);
        _message.TryGetCSeq(out SipCSeq cseq);
        _message.TryGetTo(out SipNameAddr to);
        _message.TryGetNameAddr(SipHeaderId.Contact, out SipNameAddr contact);
        _message.TryGetExpires(out int expires);
        _message.TryGetHeader(SipHeaderId.Authorization, out ReadOnlyMemory<byte> auth);
        DigestCredentials.TryParse(auth, out DigestCredentials creds);
        return via.Branch.Length + (int)cseq.Number + to.Uri.Length + contact.Uri.Length + expires + creds.Response.Length;
    }
}
