using Microsoft.Extensions.Time.Testing;
using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Tests.Channels;

/// <summary>Local channel pairs: names, answer and ringing propagation, hangup of both halves.</summary>
public sealed class LocalChannelTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Pair_is_named_like_asterisk_and_answers_and_hangs_up_together()
    {
        var registry = new ChannelRegistry(_time);
        var (one, two) = LocalChannel.CreatePair(registry, "200", "lside", _time);
        registry.Add(one);
        registry.Add(two);
        Assert.Matches(@"^Local/200@lside-[0-9a-f]{8};1$", one.Name);
        Assert.Equal(one.Name[..^1] + "2", two.Name);
        Assert.Equal(one.UniqueId, two.LinkedId);
        Assert.Equal("lside", two.Context);
        await two.IndicateAsync(ChannelIndication.Ringing, default);
        Assert.Equal(ChannelState.Ringing, one.State);
        await two.AnswerAsync(default);
        Assert.Equal(ChannelState.Up, one.State);
        Assert.True(one.Answered.IsCompleted);
        await one.HangupAsync(17, default);
        Assert.True(two.IsHungUp);
        Assert.Equal(17, two.HangupCause);
        Assert.Equal(0, registry.Count);
    }

    /// <summary>
    /// core_unreal's ast_unreal_hangup: ;2 going away queues a hangup to an answered ;1 that runs its own dialplan
    /// (originate, call file). A media-reading application on ;1 (here Wait) ends at once and ;1 hangs up with ;2's
    /// cause; when none is running, ;1 keeps going until the next one starts, which finds the hangup.
    /// </summary>
    [Fact]
    public async Task Originated_one_hangs_up_when_two_goes_away_at_its_next_media_read()
    {
        var registry = new ChannelRegistry(_time);
        var (one, two) = LocalChannel.CreatePair(registry, "200", "lside", _time);
        one.RunsOwnDialplan = true;
        registry.Add(one);
        registry.Add(two);
        await two.AnswerAsync(default);
        var waiting = one.WaitAsync(TimeSpan.FromSeconds(20), default).AsTask();
        Assert.False(waiting.IsCompleted);
        two.HangupLocalSide(HangupCauseMapper.UserBusy);
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(one.IsHungUp);
        Assert.Equal(HangupCauseMapper.UserBusy, one.HangupCause);

        var (a, b) = LocalChannel.CreatePair(registry, "201", "lside", _time);
        a.RunsOwnDialplan = true;
        registry.Add(a);
        registry.Add(b);
        await b.AnswerAsync(default);
        b.HangupLocalSide(HangupCauseMapper.NormalClearing);
        Assert.True(b.IsHungUp);
        Assert.False(a.IsHungUp);
        Assert.Equal(DigitOutcome.HungUp, (await a.WaitForDigitAsync(TimeSpan.FromSeconds(5), default)).Outcome);
        Assert.True(a.IsHungUp);
        Assert.Equal(0, registry.Count);
    }

    [Theory]
    [InlineData("200@lside", "200", "lside")]
    [InlineData("200@lside/n", "200", "lside")]
    [InlineData("200", "200", "default")]
    public void Resource_is_exten_at_context(string resource, string exten, string context)
    {
        Assert.True(LocalChannel.TryParseResource(resource, out var e, out var c));
        Assert.Equal(exten, e);
        Assert.Equal(context, c);
    }

    [Fact]
    public async Task Hangup_cancels_the_halves_hangup_token_and_a_local_without_a_caller_cannot_record_or_play()
    {
        var registry = new ChannelRegistry(_time);
        var (one, two) = LocalChannel.CreatePair(registry, "200", "lside", _time);
        registry.Add(one);
        registry.Add(two);
        await two.AnswerAsync(default);
        Assert.Equal(PlaybackOutcome.NotFound, (await two.PlayAsync("digits/1", string.Empty, default)).Outcome);
        var recording = await two.RecordAsync(new RecordingRequest("/tmp/x"), default);
        Assert.Equal(RecordingStop.Failed, recording.Stop);
        Assert.False(two.HangupToken.IsCancellationRequested);
        one.HangupPair(HangupCauseMapper.AnsweredElsewhere);
        Assert.True(two.HangupToken.IsCancellationRequested);
        Assert.True(one.HangupToken.IsCancellationRequested);
        Assert.Equal(26, two.HangupCause);
    }
}
