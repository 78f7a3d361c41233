namespace Switchboard.Core.Voicemail;

/// <summary>A MiniVM mailbox <c>user@domain</c> (both parts required; they become directory names).</summary>
public readonly record struct Mailbox(string User, string Domain)
{
    public static bool TryParse(string? text, out Mailbox mailbox, out string? error)
    {
        mailbox = default;
        text = text?.Trim() ?? string.Empty;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1)
        {
            error = $"mailbox '{text}' is not user@domain";
            return false;
        }

        string user = text[..at];
        string domain = text[(at + 1)..];
        if (!IsSafe(user) || !IsSafe(domain))
        {
            error = $"mailbox '{text}' has characters that cannot be used in a path";
            return false;
        }

        mailbox = new Mailbox(user, domain.ToLowerInvariant());
        error = null;
        return true;
    }

    private static bool IsSafe(string part)
    {
        if (part is "." or "..")
        {
            return false;
        }

        foreach (char c in part)
        {
            if (c is '/' or '\\' or '\0' or '@' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{User}@{Domain}";
}
