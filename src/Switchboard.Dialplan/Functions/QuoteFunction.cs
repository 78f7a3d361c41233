using System.Text;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>QUOTE(text): wraps in double quotes, escaping backslashes and double quotes with a backslash.</summary>
internal sealed class QuoteFunction : DialplanFunction
{
    public override string Name => "QUOTE";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var sb = new StringBuilder(args.Length + 2);
        sb.Append('"');
        foreach (var c in args)
        {
            if (c is '\\' or '"')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        sb.Append('"');
        return FunctionResult.Ok(sb.ToString());
    }
}
