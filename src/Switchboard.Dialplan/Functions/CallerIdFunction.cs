using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>CALLERID(all|num|name|ani|dnid|rdnis): the channel's caller identity.</summary>
internal sealed class CallerIdFunction : DialplanFunction
{
    public override string Name => "CALLERID";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var id = context.Channel.CallerId;
        return Item(args) switch
        {
            "all" => FunctionResult.Ok(id.All),
            "num" or "number" => FunctionResult.Ok(id.Number),
            "name" => FunctionResult.Ok(id.Name),
            "ani" or "ani-num" => FunctionResult.Ok(id.Ani),
            "dnid" or "dnid-num" => FunctionResult.Ok(id.Dnid),
            "rdnis" => FunctionResult.Ok(id.Rdnis),
            var other => FunctionResult.Fail($"Unknown callerid data type '{other}'."),
        };
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        var id = context.Channel.CallerId;
        switch (Item(args))
        {
            case "all":
                var (name, number) = CallerIdInfo.ParseAll(value);
                context.Channel.CallerId = id with { Name = name, Number = number };
                break;
            case "num" or "number":
                context.Channel.CallerId = id with { Number = value };
                break;
            case "name":
                context.Channel.CallerId = id with { Name = value };
                break;
            case "ani" or "ani-num":
                context.Channel.CallerId = id with { Ani = value };
                break;
            case "dnid" or "dnid-num":
                context.Channel.CallerId = id with { Dnid = value };
                break;
            case "rdnis":
                context.Channel.CallerId = id with { Rdnis = value };
                break;
            case var other:
                return FunctionResult.Fail($"Unknown callerid data type '{other}'.");
        }

        return FunctionResult.Written;
    }

    private static string Item(string args) => AppArgs.At(AppArgs.Standard(args), 0).Trim().ToLowerInvariant();
}
