using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Core.Messaging;

/// <summary>MESSAGE(to|from|body): the current message's fields, readable and writable.</summary>
internal sealed class MessageFunction : DialplanFunction
{
    public override string Name => "MESSAGE";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var message = ChannelMessages.Existing(context.Channel);
        if (message is null)
        {
            return FunctionResult.Fail("No message data found on channel");
        }

        return args.Trim().ToLowerInvariant() switch
        {
            "to" => FunctionResult.Ok(message.To),
            "from" => FunctionResult.Ok(message.From),
            "body" => FunctionResult.Ok(message.Body),
            "custom_data" => FunctionResult.Ok(string.Empty),
            var other => FunctionResult.Fail($"Invalid argument to MESSAGE(): '{other}'"),
        };
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        var message = ChannelMessages.For(context.Channel);
        switch (args.Trim().ToLowerInvariant())
        {
            case "to":
                message.To = value;
                return FunctionResult.Written;
            case "from":
                message.From = value;
                return FunctionResult.Written;
            case "body":
                message.Body = value;
                return FunctionResult.Written;
            case "custom_data":
                return FunctionResult.Written;
            default:
                return FunctionResult.Fail($"Invalid argument to MESSAGE(): '{args}'");
        }
    }
}
