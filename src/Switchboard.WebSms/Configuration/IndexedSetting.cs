namespace Switchboard.WebSms.Configuration;

/// <summary>
/// One websms.conf key: a scalar (applies to every interface) or indexed values (<c>key[idx] = value</c>,
/// <c>key[] = value</c> takes the next positional index), in file order.
/// </summary>
public sealed class IndexedSetting
{
    private readonly List<KeyValuePair<string, string>> _indexed = [];

    public string? Scalar { get; private set; }

    public bool IsIndexed => _indexed.Count > 0;

    /// <summary>The indexed entries in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _indexed;

    internal void SetScalar(string value) => Scalar = value;

    internal void Add(string index, string value)
    {
        if (index.Length == 0)
        {
            int next = 0;
            foreach (var (k, _) in _indexed)
            {
                if (int.TryParse(k, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= next)
                {
                    next = n + 1;
                }
            }

            index = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _indexed.RemoveAll(e => e.Key == index);
        _indexed.Add(new(index, value));
    }

    /// <summary>The value for interface <paramref name="index"/>: the indexed one, else the scalar; null when neither.</summary>
    public string? For(string? index)
    {
        if (index is not null)
        {
            foreach (var (k, v) in _indexed)
            {
                if (k == index)
                {
                    return v;
                }
            }
        }

        return Scalar;
    }
}
