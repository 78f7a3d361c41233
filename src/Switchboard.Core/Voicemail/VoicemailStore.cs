namespace Switchboard.Core.Voicemail;

/// <summary>
/// The MiniVM spool: <c>&lt;root&gt;/&lt;domain&gt;/&lt;user&gt;/</c> holds the account's greetings (temp, unavail,
/// busy, greet = name) as WAV files; messages are recorded into its <c>tmp</c> folder until MinivmDelete.
/// </summary>
public sealed class VoicemailStore(string root)
{
    public string Root { get; } = root;

    public string AccountPath(Mailbox mailbox) => Path.Combine(Root, mailbox.Domain, mailbox.User);

    /// <summary>The file (without extension) of a greeting kind: t, u, b or n.</summary>
    public string GreetingBase(Mailbox mailbox, char kind) => Path.Combine(AccountPath(mailbox), kind switch
    {
        't' => "temp",
        'u' => "unavail",
        'b' => "busy",
        _ => "greet",
    });

    public string? ExistingGreeting(Mailbox mailbox, char kind)
    {
        string path = GreetingBase(mailbox, kind) + ".wav";
        return File.Exists(path) ? path : null;
    }

    public string NewMessagePath(Mailbox mailbox, string uniqueId)
    {
        string safe = string.Concat(uniqueId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));
        return Path.Combine(AccountPath(mailbox), "tmp", $"msg-{safe}.wav");
    }

    /// <summary>True when <paramref name="path"/> is inside the spool (MinivmDelete never deletes elsewhere).</summary>
    public bool Contains(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }
}
