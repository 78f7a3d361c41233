using System.Net;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Torture;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Messages;

/// <summary>The hot path allocates nothing in steady state (the benchmarks report the same with MemoryDiagnoser).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void ParsingValidatingAndAnsweringAllocateNothingInSteadyState()
    {
        byte[] wsinv = TortureCorpus.Load("rfc4475", "wsinv");
        byte[] register = TortureCorpus.Load("rfc4475", "cparam02");
        RequestValidator validator = new(RequestValidationPolicy.Default);
        using PooledBufferWriter output = new(8192);
        IPAddress remote = IPAddress.Parse("192.0.2.77");

        void Once()
        {
            if (SipMessageParser.TryParse(wsinv, out SipMessage? m, out _))
            {
                m.TryGetTopVia(out SipVia _);
                m.TryGetFrom(out SipNameAddr _);
                _ = validator.Validate(m);
                m.Dispose();
            }

            if (SipMessageParser.TryParse(register, out m, out _))
            {
                m.SetRemote(remote, 5062);
                _ = validator.Validate(m);
                output.Clear();
                SipResponseFactory.Begin(output, m, 200, "OK"u8, "tag1"u8).WriteEnd();
                m.TryGetHeader(SipHeaderId.Authorization, out ReadOnlyMemory<byte> a);
                DigestCredentials.TryParse(a, out _);
                m.Dispose();
            }
        }

        for (int i = 0; i < 200; i++)
        {
            Once();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Once();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
