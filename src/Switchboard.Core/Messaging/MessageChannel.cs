using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Variables;

namespace Switchboard.Core.Messaging;

/// <summary>
/// The pseudo channel a text message runs the dialplan on (Asterisk's <c>Message/ast_msg_queue</c>): always up,
/// no media; media applications report a hang-up so that they end at once.
/// </summary>
internal sealed class MessageChannel : IDialplanChannel
{
    private static long _sequence;

    public MessageChannel(TextMessage message, string? endpoint, TimeProvider time)
    {
        Message = message;
        Endpoint = endpoint;
        UniqueId = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
    }

    public TextMessage Message { get; }

    /// <summary>The endpoint that sent the message, if it came from one.</summary>
    public string? Endpoint { get; }

    public string Name => "Message/ast_msg_queue";

    public string UniqueId { get; }

    public ChannelVariables Variables { get; } = new();

    public ChannelState State => ChannelState.Up;

    public bool IsHungUp { get; private set; }

    public int HangupCause { get; set; }

    public string Language { get; set; } = "en";

    public CallerIdInfo CallerId { get; set; } = CallerIdInfo.Empty;

    public string? ReadItem(string item) => item.ToLowerInvariant() switch
    {
        "endpoint" => Endpoint ?? string.Empty,
        "name" => Name,
        _ => null,
    };

    public bool WriteItem(string item, string value) => false;

    public ValueTask AnswerAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
    {
        HangupCause = cause;
        IsHungUp = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken) => ValueTask.FromResult(PlaybackResult.HungUp);

    public ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken) => ValueTask.FromResult(DigitResult.HungUp);

    public ValueTask<bool> WaitAsync(TimeSpan duration, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken) => ValueTask.FromResult(DigitResult.HungUp);
}
