namespace Switchboard.Media.Relay;

/// <summary>RFC 4733 digits received on a leg, each reported once (see <see cref="Dtmf.DtmfDetector"/>).</summary>
public interface IDtmfListener
{
    void OnDtmfBegin(RtpLeg leg, char digit);

    void OnDtmfEnd(RtpLeg leg, char digit, int durationMs);
}
