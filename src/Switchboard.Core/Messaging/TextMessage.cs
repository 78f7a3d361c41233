namespace Switchboard.Core.Messaging;

/// <summary>
/// A text message as the dialplan sees it (Asterisk's ast_msg): To, From, body and extra headers, all writable by
/// Set(MESSAGE(...)) and MESSAGE_DATA(...). The body is the UTF-8 text exactly as received.
/// </summary>
public sealed class TextMessage
{
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly Lock _gate = new();

    public string To { get; set; } = string.Empty;

    public string From { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string ContentType { get; set; } = "text/plain;charset=UTF-8";

    /// <summary>Headers of the received request (and ones the dialplan added), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers
    {
        get
        {
            lock (_gate)
            {
                return [.. _headers];
            }
        }
    }

    /// <summary>First value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        lock (_gate)
        {
            foreach (var (k, v) in _headers)
            {
                if (k.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return v;
                }
            }
        }

        return null;
    }

    /// <summary>Replaces (or adds) header <paramref name="name"/>; an empty value removes it.</summary>
    public void SetHeader(string name, string value)
    {
        lock (_gate)
        {
            _headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (value.Length > 0)
            {
                _headers.Add(new(name, value));
            }
        }
    }

    /// <summary>Appends a header as received (duplicates kept).</summary>
    public void AddHeader(string name, string value)
    {
        lock (_gate)
        {
            _headers.Add(new(name, value));
        }
    }
}
