using System.Globalization;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// The application/simple-message-summary body of a message-summary NOTIFY (RFC 3842): Messages-Waiting,
/// Message-Account (the mailbox as a SIP URI) and <c>Voice-Message: new/old (urgent-new/urgent-old)</c>.
/// MiniVM knows urgent messages only as new ones, so urgent-old is 0.
/// </summary>
public static class MessageSummary
{
    public const string EventPackage = "message-summary";

    public const string ContentType = "application/simple-message-summary";

    public static string Body(string mailbox, MwiCounts counts)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var ci = CultureInfo.InvariantCulture;
        int fresh = Math.Max(counts.New, counts.Urgent);
        return "Messages-Waiting: " + (counts.Waiting ? "yes" : "no") + "\r\n"
            + "Message-Account: " + AccountUri(mailbox) + "\r\n"
            + "Voice-Message: " + fresh.ToString(ci) + "/" + Math.Max(0, counts.Old).ToString(ci)
            + " (" + Math.Max(0, counts.Urgent).ToString(ci) + "/0)\r\n";
    }

    /// <summary>sip:user@domain for a MiniVM mailbox (a bare name gets no domain).</summary>
    public static string AccountUri(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        string m = mailbox.Trim();
        return m.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? m : "sip:" + m;
    }
}
