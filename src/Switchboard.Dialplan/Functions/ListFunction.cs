using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// SHIFT/POP (read: remove and return the first/last element of a delimited variable) and PUSH/UNSHIFT
/// (write: append/prepend). The delimiter defaults to a comma.
/// </summary>
internal sealed class ListFunction(string name, bool fromFront, bool isWrite) : DialplanFunction
{
    public override string Name => name;

    public override bool CanWrite => isWrite;

    public override FunctionResult Read(DialplanContext context, string args)
    {
        if (isWrite)
        {
            return FunctionResult.Fail($"{name}() can only be written (Set({name}(var)=value))");
        }

        if (!TryParse(args, out var variable, out var delimiter, out var error))
        {
            return FunctionResult.Fail(error!);
        }

        var value = context.Channel.Variables.Get(variable) ?? context.GetVariable(variable);
        if (value.Length == 0)
        {
            return FunctionResult.Ok(string.Empty);
        }

        var at = fromFront ? value.IndexOf(delimiter) : value.LastIndexOf(delimiter);
        if (at < 0)
        {
            context.Channel.Variables.Set(variable, string.Empty);
            return FunctionResult.Ok(value);
        }

        var taken = fromFront ? value[..at] : value[(at + 1)..];
        var rest = fromFront ? value[(at + 1)..] : value[..at];
        context.Channel.Variables.Set(variable, rest);
        return FunctionResult.Ok(taken);
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        if (!TryParse(args, out var variable, out var delimiter, out var error))
        {
            return FunctionResult.Fail(error!);
        }

        var current = context.GetVariable(variable);
        var updated = current.Length == 0 ? value : fromFront ? value + delimiter + current : current + delimiter + value;
        context.Channel.Variables.Set(variable, updated);
        return FunctionResult.Written;
    }

    private bool TryParse(string args, out string variable, out char delimiter, out string? error)
    {
        var a = AppArgs.Standard(args);
        variable = AppArgs.At(a, 0).Trim();
        delimiter = EncodedChar.Decode(AppArgs.At(a, 1), ',');
        error = variable.Length == 0 ? $"{name}() requires a variable name" : null;
        return error is null;
    }
}
