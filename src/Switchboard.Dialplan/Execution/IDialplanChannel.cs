using Switchboard.Dialplan.Variables;

namespace Switchboard.Dialplan.Execution;

/// <summary>
/// What the dialplan needs from a channel. Core implements it for SIP (PJSIP) and Local channels; tests use a
/// fake. Media operations are asynchronous and report hang-up in their results rather than throwing; the
/// cancellation token is for shutdown.
/// </summary>
public interface IDialplanChannel
{
    /// <summary>Channel name, e.g. <c>PJSIP/alice-00000001</c> (${CHANNEL}).</summary>
    string Name { get; }

    /// <summary>Unique id (${UNIQUEID}).</summary>
    string UniqueId { get; }

    /// <summary>The channel's variables.</summary>
    ChannelVariables Variables { get; }

    /// <summary>Current state.</summary>
    ChannelState State { get; }

    /// <summary>True once the channel has hung up (either side).</summary>
    bool IsHungUp { get; }

    /// <summary>The Q.850 hangup cause (${HANGUPCAUSE}); 0 while the call is up.</summary>
    int HangupCause { get; set; }

    /// <summary>Language for prompts (CHANNEL(language), default <c>en</c>).</summary>
    string Language { get; set; }

    /// <summary>Caller id (CALLERID()).</summary>
    CallerIdInfo CallerId { get; set; }

    /// <summary>Reads a CHANNEL() item the dialplan does not know itself (endpoint, peerip, rtp ...); null when unknown.</summary>
    string? ReadItem(string item);

    /// <summary>Writes a CHANNEL() item the dialplan does not know itself; false when not writable.</summary>
    bool WriteItem(string item, string value);

    /// <summary>Answers the call (no-op when already up).</summary>
    ValueTask AnswerAsync(CancellationToken cancellationToken);

    /// <summary>Hangs the call up with a Q.850 cause.</summary>
    ValueTask HangupAsync(int cause, CancellationToken cancellationToken);

    /// <summary>Sends a progress indication.</summary>
    ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken);

    /// <summary>
    /// Plays one sound file (name without extension, e.g. <c>digits/1</c>), resolved by language and format.
    /// When <paramref name="stopDigits"/> is not empty, a DTMF digit in it stops playback and is returned.
    /// </summary>
    ValueTask<PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken);

    /// <summary>Waits for one DTMF digit.</summary>
    ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Waits, ignoring DTMF. Returns false when the channel hung up meanwhile.</summary>
    ValueTask<bool> WaitAsync(TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Sends received audio back until <c>#</c> is pressed (returns that digit) or the channel hangs up.</summary>
    ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken);
}
