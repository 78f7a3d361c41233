using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MINIVMACCOUNT(user@domain:item): path (the mailbox folder, created on first use as Asterisk does for temporary
/// accounts), hasaccount, fullname, email, etemplate, ptemplate, accountcode, pincode, timezone, language, or a
/// setvar of the account.
/// </summary>
internal sealed class MinivmAccountFunction(VoicemailService service) : IDialplanFunction
{
    public string Name => "MINIVMACCOUNT";

    public bool CanWrite => false;

    public FunctionResult Read(DialplanContext context, string args)
    {
        int colon = args.LastIndexOf(':');
        if (colon < 0)
        {
            return FunctionResult.Fail("MINIVMACCOUNT() needs account:item");
        }

        if (!MinivmArgs.TryMailbox(args[..colon], out var mailbox, out var error))
        {
            return FunctionResult.Fail(error!);
        }

        var config = service.Config;
        var account = config.AccountFor(mailbox);
        string item = args[(colon + 1)..].Trim();
        switch (item.ToLowerInvariant())
        {
            case "path":
                string path = service.Store.AccountPath(mailbox);
                try
                {
                    Directory.CreateDirectory(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return FunctionResult.Fail(ex.Message);
                }

                return FunctionResult.Ok(path);
            case "hasaccount": return FunctionResult.Ok(account.IsStatic ? "1" : "0");
            case "fullname": return FunctionResult.Ok(account.FullName);
            case "email": return FunctionResult.Ok(account.EffectiveEmail);
            case "etemplate": return FunctionResult.Ok(account.EmailTemplate ?? MiniVmTemplate.DefaultName);
            case "ptemplate": return FunctionResult.Ok("pager-default");
            case "accountcode": return FunctionResult.Ok(account.AccountCode);
            case "pincode": return FunctionResult.Ok(account.PinCode);
            case "timezone": return FunctionResult.Ok(account.TimeZone);
            case "language": return FunctionResult.Ok(account.Language);
            default:
                return FunctionResult.Ok(account.Variables.TryGetValue(item, out var v) ? v : string.Empty);
        }
    }

    public FunctionResult Write(DialplanContext context, string args, string value) => FunctionResult.Fail("MINIVMACCOUNT is read-only");
}
