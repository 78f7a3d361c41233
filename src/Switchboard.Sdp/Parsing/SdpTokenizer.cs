namespace Switchboard.Sdp.Parsing;

/// <summary>Splits an SDP field value on runs of spaces without allocating.</summary>
internal ref struct SdpTokenizer
{
    private ReadOnlySpan<char> _rest;

    public SdpTokenizer(ReadOnlySpan<char> text) => _rest = text;

    /// <summary>The text not yet consumed, with leading spaces removed.</summary>
    public readonly ReadOnlySpan<char> Remainder => _rest.TrimStart(' ');

    public bool TryNext(out ReadOnlySpan<char> token)
    {
        _rest = _rest.TrimStart(' ');
        if (_rest.IsEmpty)
        {
            token = default;
            return false;
        }

        int space = _rest.IndexOf(' ');
        if (space < 0)
        {
            token = _rest;
            _rest = default;
        }
        else
        {
            token = _rest[..space];
            _rest = _rest[(space + 1)..];
        }

        return true;
    }
}
