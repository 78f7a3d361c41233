namespace Switchboard.Media.Dtmf;

/// <summary>Gets each detected digit exactly once: begin when the event starts, end when it finishes.</summary>
public interface IDtmfReceiver
{
    void OnDtmfBegin(char digit);

    void OnDtmfEnd(char digit, int durationMs);
}
