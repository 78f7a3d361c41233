using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>An in-memory <see cref="ISipMessageSender"/> that records what was sent and when.</summary>
internal sealed class RecordingSender : ISipMessageSender
{
    private readonly FakeTimeProvider _time;
    private readonly DateTimeOffset _start;
    private readonly Lock _gate = new();

    public RecordingSender(FakeTimeProvider time)
    {
        _time = time;
        _start = time.GetUtcNow();
    }

    public List<SentMessage> Sent { get; } = [];

    /// <summary>When set, Send returns false.</summary>
    public bool Fail { get; set; }

    /// <summary>Called with each message as it is sent, before Send returns (a peer answering at once).</summary>
    public Action<string>? OnSent { get; set; }

    public bool Send(in SipPeer peer, ReadOnlySpan<byte> message)
    {
        string text = Encoding.UTF8.GetString(message);
        lock (_gate)
        {
            Sent.Add(new SentMessage(_time.GetUtcNow() - _start, peer, text));
        }

        OnSent?.Invoke(text);
        return !Fail;
    }

    /// <summary>Send times in milliseconds of messages whose start line begins with <paramref name="startLine"/>.</summary>
    public List<double> TimesOf(string startLine)
    {
        lock (_gate)
        {
            return Sent.Where(m => m.Text.StartsWith(startLine, StringComparison.Ordinal)).Select(m => m.At.TotalMilliseconds).ToList();
        }
    }

    public List<SentMessage> StartingWith(string startLine)
    {
        lock (_gate)
        {
            return Sent.Where(m => m.Text.StartsWith(startLine, StringComparison.Ordinal)).ToList();
        }
    }
}

internal sealed record SentMessage(TimeSpan At, SipPeer Peer, string Text)
{
    /// <summary>The value of the first header line named <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        foreach (string line in Text.Split("\r\n"))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>All values of header lines named <paramref name="name"/>.</summary>
    public List<string> Headers(string name)
        => Text.Split("\r\n").Where(l => l.IndexOf(':') > 0 && l[..l.IndexOf(':')].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).ToList();

    public string StartLine => Text[..Text.IndexOf("\r\n", StringComparison.Ordinal)];
}
