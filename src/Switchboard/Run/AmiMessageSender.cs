using System.Text;
using Switchboard.Core.Messaging;
using Switchboard.Manager.Seams;

namespace Switchboard.Run;

/// <summary>AMI MessageSend (To, From, Body or Base64Body, Variable: X-Header=value) through messaging.</summary>
internal sealed class AmiMessageSender(MessagingService messaging) : IAmiMessageSender
{
    public async ValueTask<AmiSeamResult> SendAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        string? to = null;
        string from = string.Empty;
        string? body = null;
        var extra = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in headers)
        {
            if (k.Equals("To", StringComparison.OrdinalIgnoreCase) || k.Equals("Destination", StringComparison.OrdinalIgnoreCase))
            {
                to = v;
            }
            else if (k.Equals("From", StringComparison.OrdinalIgnoreCase))
            {
                from = v;
            }
            else if (k.Equals("Body", StringComparison.OrdinalIgnoreCase))
            {
                body = body is null ? v : body + "\n" + v;
            }
            else if (k.Equals("Base64Body", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    body = Encoding.UTF8.GetString(Convert.FromBase64String(v));
                }
                catch (FormatException)
                {
                    return AmiSeamResult.Fail("Base64Body is not valid base64");
                }
            }
            else if (k.Equals("Variable", StringComparison.OrdinalIgnoreCase) && v.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                extra.Add(new(v[..eq].Trim(), v[(eq + 1)..]));
            }
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            return AmiSeamResult.Fail("No 'To' address specified.");
        }

        var status = await messaging.SendAsync(to, from, body ?? string.Empty, extra).ConfigureAwait(false);
        return status == MessageSendStatus.Success ? AmiSeamResult.Ok("Message successfully sent") : AmiSeamResult.Fail("Message failed to send: " + MessageSendStatuses.ToText(status));
    }
}
