using System.Net;

namespace Switchboard.MediaLoad;

/// <summary>Just enough SIP text handling for the load generator: first line, headers by name, body, SDP media port.</summary>
internal sealed class SipMessage
{
    private SipMessage(string firstLine, List<KeyValuePair<string, string>> headers, string body)
    {
        FirstLine = firstLine;
        Headers = headers;
        Body = body;
    }

    public string FirstLine { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public string Body { get; }

    public bool IsResponse => FirstLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal);

    public int Status => IsResponse && FirstLine.Length >= 11 && int.TryParse(FirstLine.AsSpan(8, 3), out int s) ? s : 0;

    public string Method => IsResponse ? Header("CSeq").Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1] : FirstLine[..FirstLine.IndexOf(' ')];

    public static SipMessage? Parse(string text)
    {
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return null;
        }

        string[] lines = text[..split].Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                headers.Add(new(Canonical(lines[i][..colon].Trim()), lines[i][(colon + 1)..].Trim()));
            }
        }

        return new SipMessage(lines[0], headers, text[(split + 4)..]);
    }

    public string Header(string name)
    {
        foreach (var h in Headers)
        {
            if (h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }

        return "";
    }

    public IEnumerable<string> All(string name)
    {
        foreach (var h in Headers)
        {
            if (h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                yield return h.Value;
            }
        }
    }

    /// <summary>The SDP's audio destination (c= address, m=audio port), or null.</summary>
    public IPEndPoint? AudioEndPoint()
    {
        IPAddress? address = null;
        int port = -1;
        foreach (string line in Body.Split("\r\n"))
        {
            if (line.StartsWith("c=IN IP4 ", StringComparison.Ordinal) || line.StartsWith("c=IN IP6 ", StringComparison.Ordinal))
            {
                IPAddress.TryParse(line[9..].Trim(), out address);
            }
            else if (line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                int.TryParse(parts[1], out port);
            }
        }

        return address is null || port <= 0 ? null : new IPEndPoint(address, port);
    }

    private static string Canonical(string name) => name switch
    {
        "v" => "Via",
        "f" => "From",
        "t" => "To",
        "i" => "Call-ID",
        "m" => "Contact",
        "l" => "Content-Length",
        "c" => "Content-Type",
        _ => name,
    };
}
