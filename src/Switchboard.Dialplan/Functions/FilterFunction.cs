using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>FILTER(allowed-chars,string): keeps only allowed characters; the set may contain ranges (<c>0-9</c>) and escapes.</summary>
internal sealed class FilterFunction : DialplanFunction
{
    public override string Name => "FILTER";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Raw(args, 2);
        if (a.Count < 2)
        {
            return FunctionResult.Fail("Usage: FILTER(<allowed-chars>,<string>)");
        }

        var allowed = new HashSet<char>();
        var spec = a[0];
        for (var i = 0; i < spec.Length; i++)
        {
            var c = spec[i];
            if (c == '\\' && i + 1 < spec.Length)
            {
                var start = i;
                i++;
                if (spec[i] == 'x')
                {
                    i = Math.Min(i + 2, spec.Length - 1);
                }

                c = EncodedChar.Decode(spec[start..(i + 1)], '\\');
            }

            if (i + 2 < spec.Length && spec[i + 1] == '-')
            {
                var end = spec[i + 2];
                for (var x = c; x <= end; x++)
                {
                    allowed.Add(x);
                }

                i += 2;
                continue;
            }

            allowed.Add(c);
        }

        var output = new StringBuilder(a[1].Length);
        foreach (var c in a[1])
        {
            if (allowed.Contains(c))
            {
                output.Append(c);
            }
        }

        return FunctionResult.Ok(output.ToString());
    }
}
