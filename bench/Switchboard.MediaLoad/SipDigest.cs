using System.Security.Cryptography;
using System.Text;

namespace Switchboard.MediaLoad;

/// <summary>RFC 2617/3261 MD5 digest answer to a WWW-/Proxy-Authenticate challenge (signalling only, not per packet).</summary>
internal static class SipDigest
{
    public static string Answer(string challenge, string method, string uri, string user, string password)
    {
        string realm = Param(challenge, "realm");
        string nonce = Param(challenge, "nonce");
        string opaque = Param(challenge, "opaque");
        string qop = Param(challenge, "qop");
        string ha1 = Md5($"{user}:{realm}:{password}");
        string ha2 = Md5($"{method}:{uri}");
        var sb = new StringBuilder();
        sb.Append($"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=MD5");
        if (qop.Split(',').Select(q => q.Trim()).Contains("auth"))
        {
            string cnonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
            string response = Md5($"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}");
            sb.Append($", qop=auth, nc=00000001, cnonce=\"{cnonce}\", response=\"{response}\"");
        }
        else
        {
            sb.Append($", response=\"{Md5($"{ha1}:{nonce}:{ha2}")}\"");
        }

        if (opaque.Length > 0)
        {
            sb.Append($", opaque=\"{opaque}\"");
        }

        return sb.ToString();
    }

    private static string Param(string challenge, string name)
    {
        int i = challenge.IndexOf(name + "=", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return "";
        }

        i += name.Length + 1;
        if (i < challenge.Length && challenge[i] == '"')
        {
            int end = challenge.IndexOf('"', i + 1);
            return challenge[(i + 1)..end];
        }

        int stop = challenge.IndexOfAny([',', ' ', '\r'], i);
        return stop < 0 ? challenge[i..] : challenge[i..stop];
    }

    private static string Md5(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
}
