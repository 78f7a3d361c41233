using System.Globalization;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// The application/simple-message-summary body of a message-summary NOTIFY (RFC 3842) as res_pjsip_mwi writes it:
/// <c>Messages-Waiting</c>, <c>Message-Account</c> only when a voicemail extension is configured, and
/// <c>Voice-Message: new/old (0/0)</c>. MinivmMWI publishes urgent messages as new ones (app_minivm adds them), so
/// new counts urgent + new and the urgent pair is always 0/0.
/// </summary>
public static class MessageSummary
{
    public const string EventPackage = "message-summary";

    public const string ContentType = "application/simple-message-summary";

    /// <param name="messageAccount">The Message-Account URI, or null/empty to leave the header out.</param>
    /// <param name="counts">The mailbox counts.</param>
    public static string Body(string? messageAccount, MwiCounts counts)
    {
        var ci = CultureInfo.InvariantCulture;
        long fresh = (long)Math.Max(0, counts.New) + Math.Max(0, counts.Urgent);
        var account = string.IsNullOrEmpty(messageAccount) ? string.Empty : "Message-Account: " + messageAccount + "\r\n";
        return "Messages-Waiting: " + (fresh > 0 ? "yes" : "no") + "\r\n"
            + account
            + "Voice-Message: " + fresh.ToString(ci) + "/" + Math.Max(0, counts.Old).ToString(ci) + " (0/0)\r\n";
    }

    /// <summary>
    /// res_pjsip_mwi's Message-Account: the NOTIFY's local URI (the From of an unsolicited NOTIFY, the Request-URI of
    /// the SUBSCRIBE) with its user replaced by the voicemail extension — <paramref name="extension"/> (endpoint or
    /// AOR voicemail_extension), else the [global] default_voicemail_extension; null when neither is set.
    /// </summary>
    /// <param name="extension">The endpoint's or AOR's voicemail_extension.</param>
    /// <param name="defaultExtension">pjsip.conf [global] default_voicemail_extension.</param>
    /// <param name="hostPort">Host (and port) of the local URI.</param>
    public static string? AccountUri(string? extension, string? defaultExtension, string hostPort)
    {
        ArgumentNullException.ThrowIfNull(hostPort);
        var vm = string.IsNullOrWhiteSpace(extension) ? defaultExtension?.Trim() : extension.Trim();
        return string.IsNullOrEmpty(vm) ? null : "sip:" + vm + "@" + hostPort;
    }
}
