namespace Switchboard.Media.Relay;

/// <summary>Where locally generated RTP goes (a leg); players and generators write through this.</summary>
public interface IRtpSender
{
    /// <summary>Sends one complete RTP packet; may rewrite its header in place. False when it could not be sent.</summary>
    bool SendRtp(Span<byte> packet);
}
