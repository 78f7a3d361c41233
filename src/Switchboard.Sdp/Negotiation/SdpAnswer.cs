namespace Switchboard.Sdp.Negotiation;

/// <summary>An answer to a remote offer and what it agreed for the audio stream.</summary>
public sealed class SdpAnswer
{
    public SdpAnswer(SessionDescription description, NegotiatedStream audio)
    {
        Description = description;
        Audio = audio;
    }

    /// <summary>The answer body (every offered m= section is present; declined ones have port 0).</summary>
    public SessionDescription Description { get; }

    public NegotiatedStream Audio { get; }

    /// <summary>False when no audio could be agreed; the caller then answers 488 Not Acceptable Here.</summary>
    public bool Succeeded => Audio.Accepted;
}
