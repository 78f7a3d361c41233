using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// DB(family/key) reads or writes AstDB; DB_EXISTS(family/key) answers 1/0 and sets ${DB_RESULT};
/// DB_DELETE(family/key) returns the value and deletes it.
/// </summary>
internal sealed class DbFunction(string name) : DialplanFunction
{
    public override string Name => name;

    public override bool CanWrite => name == "DB";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        if (!TryParse(args, out var family, out var key, out var error))
        {
            return FunctionResult.Fail(error!);
        }

        var db = context.Engine.AstDb;
        var found = db.TryGet(family, key, out var value);
        switch (name)
        {
            case "DB_EXISTS":
                context.Channel.Variables.Set("DB_RESULT", found ? value : string.Empty);
                return FunctionResult.Ok(found ? "1" : "0");
            case "DB_DELETE":
                if (found)
                {
                    db.Delete(family, key);
                }

                return FunctionResult.Ok(found ? value : string.Empty);
            default:
                return FunctionResult.Ok(found ? value : string.Empty);
        }
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        if (!TryParse(args, out var family, out var key, out var error))
        {
            return FunctionResult.Fail(error!);
        }

        context.Engine.AstDb.Put(family, key, value);
        return FunctionResult.Written;
    }

    private bool TryParse(string args, out string family, out string key, out string? error)
    {
        var text = args.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        family = slash < 0 ? text : text[..slash];
        key = slash < 0 ? string.Empty : text[(slash + 1)..];
        error = family.Length == 0 || key.Length == 0 ? $"{name} requires an argument, {name}(<family>/<key>)" : null;
        return error is null;
    }
}
