namespace Switchboard.Dialplan.Execution;

/// <summary>Busy/congestion handling shared by Busy(), Congestion() and auto-fallthrough.</summary>
internal static class Indications
{
    /// <summary>Sends the indication, sets the hangup cause if the call was not answered, and waits for the caller to hang up.</summary>
    public static async ValueTask IndicateAndWaitAsync(DialplanContext state, ChannelIndication indication, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var channel = state.Channel;
        await channel.IndicateAsync(indication, cancellationToken).ConfigureAwait(false);
        if (channel.State != ChannelState.Up && channel.HangupCause == 0)
        {
            channel.HangupCause = indication == ChannelIndication.Busy ? 17 : 34;
        }

        if (timeout > TimeSpan.Zero)
        {
            await channel.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
    }
}
