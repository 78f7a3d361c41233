using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Core.Messaging;

/// <summary>MESSAGE_DATA(header): a header of the current message; writing sets (or with an empty value removes) it.</summary>
internal sealed class MessageDataFunction : DialplanFunction
{
    public override string Name => "MESSAGE_DATA";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var name = args.Trim();
        if (name.Length == 0)
        {
            return FunctionResult.Fail("MESSAGE_DATA() requires an argument");
        }

        var message = ChannelMessages.Existing(context.Channel);
        return message is null ? FunctionResult.Fail("No message data found on channel") : FunctionResult.Ok(message.Header(name) ?? string.Empty);
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        var name = args.Trim();
        if (name.Length == 0)
        {
            return FunctionResult.Fail("MESSAGE_DATA() requires an argument");
        }

        ChannelMessages.For(context.Channel).SetHeader(name, value);
        return FunctionResult.Written;
    }
}
