using System.Security.Cryptography;
using System.Text;
using Switchboard.Core.Events;
using Switchboard.Manager.Config;

namespace Switchboard.Manager.Sessions;

/// <summary>
/// Checks a Login (plain secret or MD5 of challenge + secret) against manager.conf, including the user's ACL, and
/// publishes Asterisk's security events (Service "AMI") for every outcome so AutoBan sees AMI attackers too.
/// </summary>
internal sealed class AmiAuthenticator(EventBus bus, TimeProvider time)
{
    public const string Service = "AMI";

    public ManagerUser? Authenticate(ManagerConfig config, AmiSession session, string username, string? authType, string? secret, string? key)
    {
        var user = config.FindUser(username);
        if (user is null)
        {
            Publish(SecurityEventType.InvalidAccountID, session, username, []);
            return null;
        }

        if (!user.Acl.Allows(session.Remote.Address))
        {
            Publish(SecurityEventType.FailedACL, session, username, [new("ACLName", "manager")]);
            return null;
        }

        if (string.Equals(authType, "md5", StringComparison.OrdinalIgnoreCase))
        {
            var challenge = session.Challenge;
            var expected = challenge is null ? string.Empty : Md5Hex(challenge + user.Secret);
            var received = key ?? string.Empty;
            if (challenge is null || !FixedEquals(expected, received.ToLowerInvariant()))
            {
                Publish(SecurityEventType.ChallengeResponseFailed, session, username,
                    [new("Challenge", challenge ?? string.Empty), new("Response", received), new("ExpectedResponse", expected)]);
                return null;
            }
        }
        else if (secret is null || !FixedEquals(user.Secret, secret))
        {
            Publish(SecurityEventType.InvalidPassword, session, username, []);
            return null;
        }

        Publish(SecurityEventType.SuccessfulAuth, session, username, [new("UsingPassword", "1")]);
        return user;
    }

    public static string Md5Hex(string text)
        => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static bool FixedEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private void Publish(SecurityEventType type, AmiSession session, string account, KeyValuePair<string, string>[] fields)
        => bus.Publish(new SecurityEvent(type, time.GetUtcNow(), Service, account, session.SessionId, session.LocalAddress, session.RemoteAddress, fields));
}
