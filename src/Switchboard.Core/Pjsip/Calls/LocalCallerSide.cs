using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// What the ;2 half of a Local pair that a PJSIP caller dialled does to that caller when its own dialplan (not a Dial
/// it runs) answers: the answer takes the caller (first answer of a mixed Dial wins) and sends the caller its 200,
/// ringing and progress show on the caller, and prompts, digits, Echo and recordings use the caller's media — the
/// caller is bridged to the Local channel as it would be to a PJSIP callee, with the Local pair optimised away.
/// </summary>
internal static class LocalCallerSide
{
    /// <summary>
    /// Answer() (or an answering Playback/Background) on ;2: takes the caller's claim for the pair, answers the pair
    /// and the caller. When another target answered first the pair lost the race and hangs up (answered elsewhere).
    /// </summary>
    public static async ValueTask AnswerAsync(LocalChannel two, PjsipChannel caller)
    {
        if (two.IsHungUp || two.State == ChannelState.Up)
        {
            return;
        }

        if (!DialClaim.TryTake(caller, two.Other))
        {
            two.HangupPair(HangupCauseMapper.AnsweredElsewhere);
            return;
        }

        two.Answer();
        await caller.Env.RunOnKeyAsync(caller.CallKey, () =>
        {
            caller.StopMusicOnHold();
            caller.Answer();
        }).ConfigureAwait(false);
    }

    /// <summary>Ringing and progress from ;2 reach the caller while nobody has answered it (and no hold music plays).</summary>
    public static ValueTask IndicateAsync(LocalChannel two, PjsipChannel caller, ChannelIndication indication)
    {
        if (indication is not (ChannelIndication.Ringing or ChannelIndication.Progress) || two.IsHungUp || !Owns(two, caller))
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(caller.Env.RunOnKeyAsync(caller.CallKey, () =>
        {
            if (caller.State != ChannelState.Up && caller.MediaControl is not { IsMusicPlaying: true })
            {
                caller.Indicate(indication);
                two.SentProgress |= indication == ChannelIndication.Progress;
            }
        }));
    }

    /// <summary>
    /// The caller's media when the pair owns the caller (answered and first); before the answer only as early media
    /// after Progress() from a lone Local target (app_dial passes early audio only when it dials a single channel).
    /// </summary>
    public static ChannelMediaControl? MediaOf(LocalChannel two, PjsipChannel caller)
    {
        if (two.IsHungUp)
        {
            return null;
        }

        if (!two.Answered.IsCompleted)
        {
            return two.SentProgress && !DialClaim.IsClaimed(caller) && caller.State != ChannelState.Up ? caller.MediaControl : null;
        }

        return Owns(two, caller) && caller.State == ChannelState.Up ? caller.MediaControl : null;
    }

    // The media methods serve a ;2 half acting through its caller and a ;1 half of an originate acting through its
    // answered device alike: the Local half's hangup stops them.
    public static async ValueTask<PlaybackResult> PlayAsync(LocalChannel local, ChannelMediaControl media, string file, string stopDigits, CancellationToken cancellationToken)
    {
        using var linked = LinkToHangup(local, cancellationToken);
        var result = await media.PlayAsync(file, stopDigits, local.Language, linked.Token).ConfigureAwait(false);
        return local.IsHungUp ? PlaybackResult.HungUp : result;
    }

    public static async ValueTask<DigitResult> WaitForDigitAsync(LocalChannel local, ChannelMediaControl media, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = LinkToHangup(local, cancellationToken);
        var result = await media.WaitForDigitAsync(timeout, local.Time, linked.Token).ConfigureAwait(false);
        return local.IsHungUp ? DigitResult.HungUp : result;
    }

    public static async ValueTask<DigitResult> EchoAsync(LocalChannel local, ChannelMediaControl media, CancellationToken cancellationToken)
    {
        using var linked = LinkToHangup(local, cancellationToken);
        var result = await media.EchoAsync(linked.Token).ConfigureAwait(false);
        return local.IsHungUp ? DigitResult.HungUp : result;
    }

    public static async ValueTask<RecordingOutcome> RecordAsync(LocalChannel local, ChannelMediaControl media, RecordingRequest request, CancellationToken cancellationToken)
    {
        using var linked = LinkToHangup(local, cancellationToken);
        return await media.RecordAsync(request, linked.Token).ConfigureAwait(false);
    }

    /// <summary>True when the pair holds the caller's claim, or no mixed Dial claims the caller (a lone Dial(Local/...)).</summary>
    private static bool Owns(LocalChannel two, PjsipChannel caller)
        => DialClaim.OwnerOf(caller) is not { } owner || ReferenceEquals(owner, two.Other);

    /// <summary>A token cancelled by <paramref name="cancellationToken"/> or when the Local half hangs up.</summary>
    private static CancellationTokenSource LinkToHangup(LocalChannel local, CancellationToken cancellationToken)
        => CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, local.HangupToken);
}
