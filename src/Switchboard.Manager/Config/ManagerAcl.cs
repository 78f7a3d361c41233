using System.Net;

namespace Switchboard.Manager.Config;

/// <summary>
/// A user's ordered permit/deny list, applied as Asterisk applies a host access list: everything is allowed when
/// the list is empty; otherwise the last rule that matches decides, and no match means allowed.
/// </summary>
public sealed class ManagerAcl(IReadOnlyList<AclRule> rules)
{
    public static ManagerAcl AllowAll { get; } = new([]);

    public IReadOnlyList<AclRule> Rules { get; } = rules;

    public bool Allows(IPAddress address)
    {
        bool allowed = true;
        foreach (var rule in Rules)
        {
            if (rule.Matches(address))
            {
                allowed = rule.Permit;
            }
        }

        return allowed;
    }
}
