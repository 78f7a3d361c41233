using Switchboard.Core.Channels;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Core.Cdr;

/// <summary>
/// CDR(field): reads the record's fields of the current channel (accountcode, src, dst, dcontext, clid, channel,
/// dstchannel, lastapp, lastdata, amaflags, uniqueid, userfield, or a custom name); writes userfield, accountcode,
/// amaflags and custom names. The values are kept on the channel under the name <c>CDR(field)</c>, which Set()
/// cannot reach directly.
/// </summary>
public sealed class CdrFunction : DialplanFunction
{
    public override string Name => "CDR";

    public override bool CanWrite => true;

    internal static string Key(string field) => "CDR(" + field.ToLowerInvariant() + ")";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        ArgumentNullException.ThrowIfNull(context);
        var field = Field(args);
        if (context.Channel is not Channel c)
        {
            return FunctionResult.Fail("CDR() needs a channel");
        }

        return FunctionResult.Ok(field switch
        {
            "accountcode" => c.AccountCode,
            "src" => c.CallerId.Number,
            "clid" => CdrRecorder.ClidOf(c.CallerId),
            "dst" => c.Exten,
            "dcontext" => c.Context,
            "channel" => c.Name,
            "dstchannel" => c.BridgedTo?.Name ?? string.Empty,
            "lastapp" => c.LastApplication,
            "lastdata" => c.LastApplicationData,
            "uniqueid" => c.UniqueId,
            "amaflags" => c.Variables.Get(Key(field)) ?? "DOCUMENTATION",
            _ => c.Variables.Get(Key(field)) ?? string.Empty,
        });
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var field = Field(args);
        if (context.Channel is not Channel c)
        {
            return FunctionResult.Fail("CDR() needs a channel");
        }

        switch (field)
        {
            case "accountcode":
                c.AccountCode = value;
                return FunctionResult.Written;
            case "amaflags":
                var flag = value.ToUpperInvariant();
                if (flag is not ("OMIT" or "BILLING" or "DOCUMENTATION"))
                {
                    return FunctionResult.Fail("CDR(amaflags) must be OMIT, BILLING or DOCUMENTATION");
                }

                c.Variables.Set(Key(field), flag);
                return FunctionResult.Written;
            case "src" or "dst" or "dcontext" or "channel" or "dstchannel" or "lastapp" or "lastdata" or "uniqueid" or "clid" or "start" or "answer" or "end" or "duration" or "billsec" or "disposition":
                return FunctionResult.Fail($"CDR({field}) is read-only");
            default:
                c.Variables.Set(Key(field), value);
                return FunctionResult.Written;
        }
    }

    private static string Field(string args)
    {
        int comma = args.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? args : args[..comma]).Trim().ToLowerInvariant();
    }
}
