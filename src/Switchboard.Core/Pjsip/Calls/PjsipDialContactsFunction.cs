using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>PJSIP_DIAL_CONTACTS(endpoint[,aor[,request_user]]): <c>PJSIP/ep/sip:contact&amp;...</c> for every registered or static contact.</summary>
internal sealed class PjsipDialContactsFunction(CallEnvironment env) : DialplanFunction
{
    public override string Name => "PJSIP_DIAL_CONTACTS";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var parts = args.Split(',');
        var name = parts[0].Trim();
        if (name.Length == 0)
        {
            return FunctionResult.Fail("PJSIP_DIAL_CONTACTS requires an endpoint name");
        }

        var endpoint = env.Runtime.Endpoint(name);
        if (endpoint is null)
        {
            return FunctionResult.Fail($"Specified endpoint '{name}' was not found");
        }

        string? onlyAor = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : null;
        string? user = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null;
        var result = new StringBuilder();
        foreach (var aorName in endpoint.Aors)
        {
            if (onlyAor is not null && !aorName.Equals(onlyAor, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var contact in env.Location.GetContacts(aorName))
            {
                Append(result, name, DialTargetResolver.WithUser(contact.Uri, user));
            }

            if (env.Runtime.Aor(aorName) is { } aor)
            {
                foreach (var uri in aor.Contacts)
                {
                    Append(result, name, DialTargetResolver.WithUser(uri, user));
                }
            }
        }

        return FunctionResult.Ok(result.ToString());
    }

    private static void Append(StringBuilder sb, string endpoint, string uri)
    {
        if (sb.Length > 0)
        {
            sb.Append('&');
        }

        sb.Append("PJSIP/").Append(endpoint).Append('/').Append(uri);
    }
}
