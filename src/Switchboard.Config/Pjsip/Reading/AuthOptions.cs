using Switchboard.Config.Parsing;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The auth options we read.</summary>
internal static class AuthOptions
{
    private static readonly Dictionary<string, AuthType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["userpass"] = AuthType.UserPass, ["md5"] = AuthType.Md5,
    };

    private static readonly string[] Algorithms = ["MD5", "SHA-256", "SHA-512-256"];

    public static OptionTable<PjsipAuth> Table { get; } = new OptionTable<PjsipAuth>()
        .Add("auth_type", (o, e, r) => o with { AuthType = r.Choice(e, Types, o.AuthType) })
        .Add("username", (o, e, r) => o with { Username = e.Value })
        .Add("password", (o, e, r) => o with { Password = e.Value })
        .Add("md5_cred", Md5Cred)
        .Add("realm", (o, e, r) => o with { Realm = e.Value })
        .Add("nonce_lifetime", (o, e, r) => o with { NonceLifetime = r.UInt(e, o.NonceLifetime) })
        .Add("supported_algorithms_uas", (o, e, r) => o with { SupportedAlgorithmsUas = AlgorithmList(o.SupportedAlgorithmsUas, e, r) })
        .Add("supported_algorithms_uac", (o, e, r) => o with { SupportedAlgorithmsUac = AlgorithmList(o.SupportedAlgorithmsUac, e, r) })
        .Unsupported("refresh_token", "oauth_clientid", "oauth_secret", "password_digest");

    private static PjsipAuth Md5Cred(PjsipAuth o, ConfEntry e, OptionReader r)
    {
        var v = e.Value.Trim();
        if (v.Length != 32 || !IsHex(v))
        {
            r.Error(e, "bad value for md5_cred: expected 32 hex digits (MD5 of username:realm:password)");
            return o;
        }

        return o with { Md5Cred = v.ToLowerInvariant() };
    }

    private static IReadOnlyList<string> AlgorithmList(IReadOnlyList<string> current, ConfEntry e, OptionReader r)
    {
        var result = new List<string>();
        foreach (var item in OptionReader.List(e.Value))
        {
            var known = Array.Find(Algorithms, a => string.Equals(a, item, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                r.Error(e, $"bad value '{item}' for {e.Key}: expected {string.Join(", ", Algorithms)}");
                return current;
            }

            result.Add(known);
        }

        return result.ToArray();
    }

    private static bool IsHex(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
