namespace Switchboard.Manager.Protocol;

/// <summary>One received AMI message: <c>Key: Value</c> headers in order (keys compared ignoring case).</summary>
public sealed class AmiRequest
{
    public AmiRequest(IReadOnlyList<KeyValuePair<string, string>> headers) => Headers = headers;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The Action header ("" when missing).</summary>
    public string Action => Get("Action") ?? string.Empty;

    /// <summary>The ActionID header, or null.</summary>
    public string? ActionId => Get("ActionID");

    /// <summary>The first value of a header, or null.</summary>
    public string? Get(string key)
    {
        foreach (var h in Headers)
        {
            if (string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }

        return null;
    }

    /// <summary>Every value of a repeated header (e.g. Variable), in order.</summary>
    public IEnumerable<string> GetAll(string key)
    {
        foreach (var h in Headers)
        {
            if (string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return h.Value;
            }
        }
    }
}
