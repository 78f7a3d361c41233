using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Expressions;

namespace Switchboard.Dialplan.Functions;

/// <summary>REGEX("regular expression" string): 1 when the POSIX extended expression matches anywhere in the string, else 0.</summary>
internal sealed class RegexFunction : DialplanFunction
{
    public override string Name => "REGEX";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var open = args.IndexOf('"', StringComparison.Ordinal);
        var close = open < 0 ? -1 : args.IndexOf('"', open + 1);
        if (open < 0 || close < 0)
        {
            return FunctionResult.Fail("Unexpected arguments: should have been in the form '\"<regex>\" <string>'");
        }

        var pattern = args[(open + 1)..close];
        var input = args[(close + 1)..];
        if (input.Length > 0 && input[0] is ' ' or '\t')
        {
            input = input[1..];
        }

        if (!PosixRegex.TryGet(pattern, out var regex, out var error))
        {
            return FunctionResult.Fail($"Malformed input REGEX(\"{pattern}\"): {error}");
        }

        var m = PosixRegex.SafeMatch(regex, input, out error);
        return error is not null ? FunctionResult.Fail(error) : FunctionResult.Ok(m is { Success: true } ? "1" : "0");
    }
}
