using System.Runtime.CompilerServices;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Messaging;

/// <summary>
/// The message a channel carries: a message channel's own, or (for a call channel that sets MESSAGE() before
/// MessageSend, as Asterisk allows) one attached to the channel on first use.
/// </summary>
internal static class ChannelMessages
{
    private static readonly ConditionalWeakTable<IDialplanChannel, TextMessage> Attached = new();

    public static TextMessage For(IDialplanChannel channel)
        => channel is MessageChannel m ? m.Message : Attached.GetValue(channel, static _ => new TextMessage());

    public static TextMessage? Existing(IDialplanChannel channel)
        => channel is MessageChannel m ? m.Message : Attached.TryGetValue(channel, out var t) ? t : null;
}
