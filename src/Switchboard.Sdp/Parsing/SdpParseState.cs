using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Sdp.Parsing;

/// <summary>What the parser has seen so far: the description being filled and the current m= section.</summary>
internal sealed class SdpParseState
{
    public SessionDescription Sdp { get; } = new();

    public MediaDescription? CurrentMedia { get; set; }

    public bool SawVersion { get; set; }

    public bool SawOrigin { get; set; }

    public bool SawSessionName { get; set; }

    public int AttributesInSection { get; set; }

    public bool TryFinish([NotNullWhen(true)] out SessionDescription? sdp, out SdpParseError error)
    {
        sdp = null;
        if (!SawVersion)
        {
            error = new SdpParseError(SdpParseErrorReason.Empty, 0, "no v= line");
            return false;
        }

        if (!SawOrigin)
        {
            error = new SdpParseError(SdpParseErrorReason.MissingOrigin, 0, "no o= line");
            return false;
        }

        for (int i = 0; i < Sdp.Media.Count; i++)
        {
            var m = Sdp.Media[i];
            if (m.Port != 0 && Sdp.ConnectionFor(m) is null)
            {
                error = new SdpParseError(SdpParseErrorReason.MissingConnection, 0, $"m= section {i + 1} ({m.Media}) has no c= line and there is no session-level c=");
                return false;
            }
        }

        sdp = Sdp;
        error = SdpParseError.None;
        return true;
    }
}
