using System.Security.Cryptography;

namespace Switchboard.Core.Sip;

/// <summary>Random tokens for To/From tags and Call-IDs (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
public static class SipTags
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new tag as ASCII bytes.</summary>
    public static byte[] New(int length = 12)
    {
        var bytes = new byte[length];
        Span<byte> random = stackalloc byte[length];
        RandomNumberGenerator.Fill(random);
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)Alphabet[random[i] % Alphabet.Length];
        }

        return bytes;
    }

    public static string NewString(int length = 12) => System.Text.Encoding.ASCII.GetString(New(length));

    public static string NewCallId() => Guid.NewGuid().ToString("N");
}
