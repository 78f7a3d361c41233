using System.Net;
using BenchmarkDotNet.Attributes;
using Switchboard.Sip.Messages;

namespace Switchboard.Benchmarks.Sip;

/// <summary>Writing the 200 OK for a REGISTER (status line, Vias with received/rport, copied headers, Contact, Expires).</summary>
[MemoryDiagnoser]
public class SipWriterBenchmarks
{
    private readonly PooledBufferWriter _output = new(4096);
    private SipMessage _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        SipMessageParser.TryParse(SipBenchmarkMessages.Register, out SipMessage? m, out _);
        _request = m!;
        _request.SetRemote(IPAddress.Parse("203.0.113.9"), 40312);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _request.Dispose();
        _output.Dispose();
    }

    [Benchmark]
    public int Write200OkForRegister()
    {
        _output.Clear();
        SipMessageWriter w = SipResponseFactory.Begin(_output, _request, 200, "OK"u8, "as7f2k1"u8);
        if (_request.TryGetHeader(SipHeaderId.Contact, out ReadOnlyMemory<byte> contact))
        {
            w.WriteHeaderStart("Contact"u8);
            w.WriteRaw(contact.Span);
            w.WriteRaw(";expires="u8);
            w.WriteNumber(3600);
            w.WriteHeaderEnd();
        }

        w.WriteHeader(SipHeaderId.Expires, 3600);
        w.WriteHeader(SipHeaderId.Server, "Switchboard"u8);
        w.WriteEnd();
        return _output.WrittenCount;
    }
}
