using System.Globalization;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Agi;

/// <summary>AGI commands on variables, AstDB, the dialplan location and logging.</summary>
internal static class AgiDataCommands
{
    public static ValueTask<string?> GetVariable(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 3)
        {
            return Done(null);
        }

        var context = session.Context;
        var name = argv[2];
        if (name.EndsWith(')'))
        {
            AppArgs.SplitCall(name, out var function, out var args);
            var read = context.ReadFunction(function, args);
            return Done(read.Success ? AgiReplies.Result(1, read.Value) : AgiReplies.Result(0));
        }

        return Done(context.TryGetVariable(name, out var value) ? AgiReplies.Result(1, value) : AgiReplies.Result(0));
    }

    public static ValueTask<string?> GetFullVariable(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count is < 4 or > 5)
        {
            return Done(null);
        }

        var context = session.Context;
        if (argv.Count == 5 && !string.Equals(argv[4], context.Channel.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Done(AgiReplies.Result(0));
        }

        return Done(AgiReplies.Result(1, context.Substitute(argv[3])));
    }

    public static ValueTask<string?> SetVariable(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 4)
        {
            return Done(null);
        }

        var context = session.Context;
        var error = context.SetVariable(argv[2], argv[3]);
        if (error is not null)
        {
            AgiLog.Warning(context.Logger, context.Channel.Name, $"SET VARIABLE {argv[2]}: {error}");
        }

        return Done(AgiReplies.Result(1));
    }

    public static ValueTask<string?> SetContext(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 3)
        {
            return Done(null);
        }

        session.Context.Context = argv[2];
        return Done(AgiReplies.Result(0));
    }

    public static ValueTask<string?> SetExtension(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 3)
        {
            return Done(null);
        }

        session.Context.Exten = argv[2];
        return Done(AgiReplies.Result(0));
    }

    /// <summary>SET PRIORITY n|label: the next priority run after AGI returns.</summary>
    public static ValueTask<string?> SetPriority(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 3)
        {
            return Done(null);
        }

        var context = session.Context;
        var text = argv[2];
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            session.MoveTo(context.Context, context.Exten, number);
            return Done(AgiReplies.Result(0));
        }

        if (context.Dialplan.TryFindLabel(context.Context, context.Exten, text, context.CallerNumber, context.Time, out var match))
        {
            session.MoveTo(context.Context, context.Exten, match.Priority.Number);
            return Done(AgiReplies.Result(0));
        }

        AgiLog.Warning(context.Logger, context.Channel.Name, $"Priority '{text}' must be a number > 0, or valid label");
        return Done(AgiReplies.Result(-1));
    }

    /// <summary>SET CALLERID "Name" &lt;number&gt; (or a bare number).</summary>
    public static ValueTask<string?> SetCallerId(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 3)
        {
            return Done(null);
        }

        var channel = session.Context.Channel;
        var (name, number) = Execution.CallerIdInfo.ParseAll(argv[2]);
        channel.CallerId = channel.CallerId with { Name = name, Number = number };
        return Done(AgiReplies.Result(1));
    }

    public static ValueTask<string?> DatabaseGet(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 4)
        {
            return Done(null);
        }

        return Done(session.Context.Engine.AstDb.TryGet(argv[2], argv[3], out var value) ? AgiReplies.Result(1, value) : AgiReplies.Result(0));
    }

    public static ValueTask<string?> DatabasePut(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 5)
        {
            return Done(null);
        }

        session.Context.Engine.AstDb.Put(argv[2], argv[3], argv[4]);
        return Done(AgiReplies.Result(1));
    }

    public static ValueTask<string?> DatabaseDel(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count != 4)
        {
            return Done(null);
        }

        return Done(AgiReplies.Result(session.Context.Engine.AstDb.Delete(argv[2], argv[3]) ? 1 : 0));
    }

    public static ValueTask<string?> Verbose(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        if (argv.Count is < 2 or > 3)
        {
            return Done(null);
        }

        var context = session.Context;
        AgiLog.Verbose(context.Logger, context.Channel.Name, argv[1]);
        return Done(AgiReplies.Result(1));
    }

    public static ValueTask<string?> Noop(AgiSession session, IReadOnlyList<string> argv, CancellationToken cancellationToken) => Done(AgiReplies.Result(0));

    private static ValueTask<string?> Done(string? reply) => ValueTask.FromResult(reply);
}
