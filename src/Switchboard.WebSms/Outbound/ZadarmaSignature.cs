using System.Security.Cryptography;
using System.Text;

namespace Switchboard.WebSms.Outbound;

/// <summary>
/// Zadarma's request signature: base64 of the lower-case hex HMAC-SHA1 (key = secret) of
/// <c>path + query + md5hex(query)</c>; sent as <c>Authorization: user:signature</c>.
/// </summary>
public static class ZadarmaSignature
{
    public static string Compute(string path, string query, string secret)
    {
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(query)));
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(path + query + md5));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(mac)));
    }
}
