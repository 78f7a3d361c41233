using System.Diagnostics;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>
/// Random mutations and truncations of every corpus message: parsing, validation, response building and stream
/// framing never throw and always finish (bounded count; a generous time cap only catches a hang).
/// </summary>
public sealed class TortureFuzzTests
{
    private static readonly byte[] Interesting = "\r\n :;,<>\"\\%[]@=/0\t\0\x7f\xff"u8.ToArray();

    [Fact]
    public void MutatedMessagesNeverThrowOrHang()
    {
        Random rng = new(4475);
        RequestValidator validator = new(RequestValidationPolicy.Default);
        using PooledBufferWriter output = new();
        Stopwatch sw = Stopwatch.StartNew();
        int runs = 0;
        foreach ((_, _, byte[] original) in TortureCorpus.All())
        {
            for (int i = 0; i < 150; i++)
            {
                byte[] data = Mutate(original, rng);
                Exercise(data, validator, output);
                runs++;
            }

            for (int cut = 0; cut < original.Length; cut += 1 + (original.Length / 40))
            {
                Exercise(original.AsSpan(0, cut).ToArray(), validator, output);
                runs++;
            }
        }

        Assert.True(runs > 9000);
        Assert.True(sw.Elapsed < TimeSpan.FromMinutes(2), "fuzz loop took implausibly long (hang?)");
    }

    private static void Exercise(byte[] data, RequestValidator validator, PooledBufferWriter output)
    {
        output.Clear();
        if (SipMessageParser.TryParse(data, out SipMessage? m, out _))
        {
            using (m)
            {
                if (m.IsRequest)
                {
                    SipValidationResult r = validator.Validate(m);
                    int status = r.IsOk ? 200 : r.StatusCode;
                    SipResponseFactory.Begin(output, m, status, "X"u8, "tag"u8).WriteEnd();
                }
                else
                {
                    _ = ResponseValidator.IsAcceptable(m);
                }
            }
        }
        else
        {
            _ = SipResponseBuilder.TryWriteErrorResponse(data, 400, "Bad Request"u8, output, "192.0.2.1"u8, 5060);
        }

        _ = SipStreamFramer.TryFrame(new System.Buffers.ReadOnlySequence<byte>(data), out _);
    }

    private static byte[] Mutate(byte[] original, Random rng)
    {
        List<byte> b = [.. original];
        int edits = 1 + rng.Next(6);
        for (int e = 0; e < edits && b.Count > 0; e++)
        {
            int pos = rng.Next(b.Count);
            switch (rng.Next(5))
            {
                case 0:
                    b[pos] = (byte)rng.Next(256);
                    break;
                case 1:
                    b[pos] = Interesting[rng.Next(Interesting.Length)];
                    break;
                case 2:
                    b.Insert(pos, Interesting[rng.Next(Interesting.Length)]);
                    break;
                case 3:
                    b.RemoveRange(pos, Math.Min(b.Count - pos, 1 + rng.Next(8)));
                    break;
                default:
                    b.RemoveRange(pos, b.Count - pos);
                    break;
            }
        }

        return [.. b];
    }
}
