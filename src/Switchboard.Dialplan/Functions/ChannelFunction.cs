using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// CHANNEL(item): name, uniqueid, language, state, context, exten, priority are answered here; other items
/// (endpoint, peerip, channeltype ...) are asked of the channel driver.
/// </summary>
internal sealed class ChannelFunction : DialplanFunction
{
    public override string Name => "CHANNEL";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var item = args.Trim();
        var channel = context.Channel;
        switch (item.ToLowerInvariant())
        {
            case "name":
                return FunctionResult.Ok(channel.Name);
            case "uniqueid":
                return FunctionResult.Ok(channel.UniqueId);
            case "language":
                return FunctionResult.Ok(channel.Language);
            case "state":
                return FunctionResult.Ok(channel.State.ToString());
            case "context":
                return FunctionResult.Ok(context.Context);
            case "exten":
                return FunctionResult.Ok(context.Exten);
            case "priority":
                return FunctionResult.Ok(context.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var value = channel.ReadItem(item);
        return value is null ? FunctionResult.Fail($"Unknown or unavailable item requested: '{item}'") : FunctionResult.Ok(value);
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        var item = args.Trim();
        if (item.Equals("language", StringComparison.OrdinalIgnoreCase))
        {
            context.Channel.Language = value;
            return FunctionResult.Written;
        }

        return context.Channel.WriteItem(item, value) ? FunctionResult.Written : FunctionResult.Fail($"Unknown or unavailable item requested: '{item}'");
    }
}
