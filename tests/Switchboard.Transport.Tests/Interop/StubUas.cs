using System.Text;

namespace Switchboard.Transport.Tests.Interop;

/// <summary>
/// Just enough of a SIP UAS to let SIPp's built-in <c>uac</c> scenario complete against a bare transport: answers
/// INVITE with 180 and 200, BYE with 200, ignores ACK and retransmitted INVITEs (SIPp counts a repeated 200 as
/// unexpected). Test-only: text handling, no real SIP stack.
/// </summary>
internal sealed class StubUas : ITransportHandler
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _answered = new();
    private int _invites;
    private int _byes;
    private int _other;

    public int Invites => Volatile.Read(ref _invites);

    public int Byes => Volatile.Read(ref _byes);

    public int Other => Volatile.Read(ref _other);

    public void OnMessage(ReadOnlyMemory<byte> data, in RemotePeer peer, LocalTransportInfo local)
    {
        var text = Encoding.UTF8.GetString(data.Span);
        var lines = text[..Math.Max(0, text.IndexOf("\r\n\r\n", StringComparison.Ordinal))].Split("\r\n");
        var method = lines[0].Split(' ')[0];
        switch (method)
        {
            case "INVITE":
                var callId = lines.FirstOrDefault(l => l.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
                if (!_answered.TryAdd(callId, true))
                {
                    break; // retransmission: the answers are already on their way
                }

                Interlocked.Increment(ref _invites);
                local.Transport.Send(Response(lines, "180 Ringing", local), peer);
                local.Transport.Send(Response(lines, "200 OK", local), peer);
                break;
            case "BYE":
                Interlocked.Increment(ref _byes);
                local.Transport.Send(Response(lines, "200 OK", local), peer);
                break;
            case "ACK":
                break;
            default:
                Interlocked.Increment(ref _other);
                break;
        }
    }

    private static byte[] Response(string[] requestLines, string status, LocalTransportInfo local)
    {
        var response = new StringBuilder("SIP/2.0 ").Append(status).Append("\r\n");
        foreach (var line in requestLines.Skip(1))
        {
            var name = line[..Math.Max(0, line.IndexOf(':'))].Trim();
            if (name.Equals("Via", StringComparison.OrdinalIgnoreCase) || name.Equals("From", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("Call-ID", StringComparison.OrdinalIgnoreCase) || name.Equals("CSeq", StringComparison.OrdinalIgnoreCase))
            {
                response.Append(line).Append("\r\n");
            }
            else if (name.Equals("To", StringComparison.OrdinalIgnoreCase))
            {
                response.Append(line).Append(line.Contains(";tag=", StringComparison.Ordinal) ? string.Empty : ";tag=stub").Append("\r\n");
            }
        }

        var transport = local.Protocol.ToString().ToLowerInvariant();
        response.Append($"Contact: <sip:stub@{local.EndPoint};transport={transport}>\r\n");
        response.Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(response.ToString());
    }
}
