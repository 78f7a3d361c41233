using System.Globalization;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>TIMEOUT(digit|response): the channel's digit and response timeouts in seconds (read with three decimals, written as a number).</summary>
internal sealed class TimeoutFunction : DialplanFunction
{
    public override string Name => "TIMEOUT";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var ci = CultureInfo.InvariantCulture;
        return args.Trim().ToLowerInvariant() switch
        {
            "digit" or "d" => FunctionResult.Ok(context.DigitTimeout.TotalSeconds.ToString("F3", ci)),
            "response" or "r" => FunctionResult.Ok(context.ResponseTimeout.TotalSeconds.ToString("F3", ci)),
            var other => FunctionResult.Fail($"Unknown timeout type '{other}' (digit or response)."),
        };
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 86400)
        {
            return FunctionResult.Fail($"TIMEOUT: '{value}' is not a number of seconds");
        }

        switch (args.Trim().ToLowerInvariant())
        {
            case "digit" or "d":
                context.DigitTimeout = TimeSpan.FromSeconds(seconds);
                return FunctionResult.Written;
            case "response" or "r":
                context.ResponseTimeout = TimeSpan.FromSeconds(seconds);
                return FunctionResult.Written;
            case var other:
                return FunctionResult.Fail($"Unknown timeout type '{other}' (digit or response).");
        }
    }
}
