using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Messaging;

/// <summary>
/// MessageSend(to[,from]): sends the channel's message (MESSAGE(body), MESSAGE_DATA headers) to
/// <c>pjsip:endpoint</c>, <c>pjsip:endpoint/sip:contact</c> or <c>pjsip:number@trunk</c> with From as given (else
/// MESSAGE(from)); sets MESSAGE_SEND_STATUS.
/// </summary>
internal sealed class MessageSendApplication(MessageDelivery delivery) : IDialplanApplication
{
    public string Name => "MessageSend";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var (to, from) = SplitArgs(args);
        if (to.Length == 0)
        {
            context.ReportWarning("MessageSend requires a destination");
            context.SetVariable("MESSAGE_SEND_STATUS", "INVALID_URI");
            return AppResult.Continue;
        }

        var message = ChannelMessages.For(context.Channel);
        var status = await delivery.SendAsync(message, to, from ?? message.From).ConfigureAwait(false);
        context.SetVariable("MESSAGE_SEND_STATUS", MessageSendStatuses.ToText(status));
        return AppResult.Continue;
    }

    /// <summary>Splits at the first comma outside angle brackets and quotes.</summary>
    internal static (string To, string? From) SplitArgs(string args)
    {
        bool quoted = false;
        int angle = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '<' when !quoted:
                    angle++;
                    break;
                case '>' when !quoted && angle > 0:
                    angle--;
                    break;
                case ',' when !quoted && angle == 0:
                    var from = args[(i + 1)..].Trim();
                    return (args[..i].Trim(), from.Length == 0 ? null : from);
            }
        }

        return (args.Trim(), null);
    }
}
