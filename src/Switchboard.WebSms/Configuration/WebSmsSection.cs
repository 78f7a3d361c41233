namespace Switchboard.WebSms.Configuration;

/// <summary>One section of websms.conf ([websms], [websmsd], [astqueue]) with its keys.</summary>
public sealed class WebSmsSection
{
    private readonly Dictionary<string, IndexedSetting> _settings = new(StringComparer.OrdinalIgnoreCase);

    public static WebSmsSection Empty { get; } = new();

    public IndexedSetting? Setting(string key) => _settings.GetValueOrDefault(key);

    /// <summary>Value of <paramref name="key"/> for interface <paramref name="index"/>, else <paramref name="fallback"/>.</summary>
    public string Get(string key, string? index, string fallback = "") => Setting(key)?.For(index) ?? fallback;

    internal void Set(string rawKey, string value)
    {
        string key = rawKey;
        string? index = null;
        int open = rawKey.IndexOf('[', StringComparison.Ordinal);
        if (open > 0 && rawKey.EndsWith(']'))
        {
            key = rawKey[..open].Trim();
            index = rawKey[(open + 1)..^1].Trim();
        }

        if (!_settings.TryGetValue(key, out var setting))
        {
            setting = new IndexedSetting();
            _settings[key] = setting;
        }

        if (index is null)
        {
            setting.SetScalar(value);
        }
        else
        {
            setting.Add(index, value);
        }
    }
}
