using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// Gosub([[context,]exten,]priority[(arg1[,...])]): jumps to a subroutine that ends with Return. The
/// arguments become LOCAL variables ARG1..ARGn (ARGn of an outer level are masked) and ARGC; the target must
/// exist.
/// </summary>
internal sealed class GosubApplication : IDialplanApplication
{
    /// <summary>Deepest Gosub nesting allowed.</summary>
    public const int MaxDepth = 1000;

    public string Name => "Gosub";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Call(context, args));

    internal static AppResult Call(DialplanContext context, string data)
    {
        if (data.Trim().Length == 0)
        {
            return AppResult.Error("Gosub requires an argument: Gosub([[context,]exten,]priority[(arg1[,...][,argN])])");
        }

        var label = data;
        List<string> argv = [];
        var open = data.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            label = data[..open];
            var close = data.LastIndexOf(')');
            var inner = close > open ? data[(open + 1)..close] : data[(open + 1)..];
            argv = AppArgs.Raw(inner);
        }

        if (!context.TryResolveGoto(label, out var target, out var error))
        {
            return AppResult.Error($"Gosub address is invalid: '{data}': {error}");
        }

        if (!context.Exists(target.Context, target.Exten, target.Priority))
        {
            return AppResult.Error($"Attempt to reach a non-existent destination for Gosub: (Context:{target.Context}, Extension:{target.Exten}, Priority:{target.Priority})");
        }

        if (context.GosubDepth >= MaxDepth)
        {
            return AppResult.Error($"Gosub nested deeper than {MaxDepth} levels");
        }

        var previousCount = context.CurrentFrame?.ArgumentCount ?? 0;
        var count = Math.Max(previousCount, argv.Count);
        context.PushFrame(new GosubFrame(new DialplanLocation(context.Context, context.Exten, context.Priority + 1), count));
        for (var i = 0; i < count; i++)
        {
            context.SetLocal("ARG" + (i + 1).ToString(CultureInfo.InvariantCulture), i < argv.Count ? argv[i] : string.Empty);
        }

        context.SetLocal("ARGC", argv.Count.ToString(CultureInfo.InvariantCulture));
        return AppResult.Goto(target);
    }
}
