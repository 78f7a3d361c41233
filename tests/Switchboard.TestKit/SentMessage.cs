using System.Text;
using Switchboard.Transport;

namespace Switchboard.TestKit;

/// <summary>A message an <see cref="InMemoryTransport"/> was asked to send.</summary>
public sealed record SentMessage(byte[] Data, PeerAddress Destination, string? ServerName)
{
    public string Text => Encoding.UTF8.GetString(Data);
}
