using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Sip.Auth;

namespace Switchboard.Core.Pjsip.Authentication;

/// <summary>The inbound auth objects of one endpoint as a digest secret store (userpass or md5 credentials).</summary>
internal sealed class EndpointSecretStore(IReadOnlyList<PjsipAuth> auths) : IDigestSecretStore
{
    public bool TryGetSecret(ReadOnlySpan<byte> username, ReadOnlySpan<byte> realm, out DigestSecret secret)
    {
        foreach (var auth in auths)
        {
            if (!username.SequenceEqual(Encoding.UTF8.GetBytes(auth.Username)))
            {
                continue;
            }

            secret = auth.AuthType == AuthType.Md5
                ? DigestSecret.FromMd5Ha1(Encoding.ASCII.GetBytes(auth.Md5Cred.ToLowerInvariant()))
                : DigestSecret.FromPassword(Encoding.UTF8.GetBytes(auth.Password));
            return true;
        }

        secret = default;
        return false;
    }
}
