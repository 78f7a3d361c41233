using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Pjsip.Qualify;
using Switchboard.Core.Sip;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Unsolicited MWI as res_pjsip_mwi sends it: when a mailbox's counts are published, every endpoint whose
/// <c>mailboxes</c> option lists it gets an out-of-dialog NOTIFY (Event: message-summary, application/simple-message-summary)
/// at each registered contact of its AORs. Also sent to a contact when it registers, so a phone that was off learns
/// the current state. From is the endpoint's mwi_from_user / from_user, else "asterisk"; the body's Message-Account is
/// that From URI with the endpoint's voicemail_extension (else [global] default_voicemail_extension) as its user, and
/// is left out when neither is set (res_pjsip_mwi's set_voicemail_extension).
/// </summary>
internal sealed partial class UnsolicitedMwiNotifier(SipStack stack, PjsipRuntime runtime, LocationService location, MessageWaitingState state, ILogger log) : IClientTransactionUser
{
    /// <summary>Notifies every endpoint listing <paramref name="mailbox"/>; the number of NOTIFYs sent.</summary>
    public int Notify(string mailbox, MwiCounts counts)
    {
        int sent = 0;
        foreach (var endpoint in runtime.Config.Endpoints)
        {
            if (!Lists(endpoint, mailbox))
            {
                continue;
            }

            foreach (var aor in endpoint.Aors)
            {
                foreach (var contact in location.GetContacts(aor))
                {
                    sent += Send(endpoint, contact, mailbox, counts) ? 1 : 0;
                }
            }
        }

        return sent;
    }

    /// <summary>A contact registered: tell it the state of each of its endpoint's mailboxes that has counts.</summary>
    public void ContactAdded(ContactBinding contact)
    {
        if (runtime.Endpoint(contact.Endpoint) is not { Mailboxes.Count: > 0 } endpoint)
        {
            return;
        }

        foreach (var mailbox in endpoint.Mailboxes)
        {
            if (state.Knows(mailbox))
            {
                Send(endpoint, contact, mailbox.Trim(), state.Get(mailbox));
            }
        }
    }

    internal static bool Lists(PjsipEndpoint endpoint, string mailbox)
    {
        foreach (var m in endpoint.Mailboxes)
        {
            if (MessageWaitingState.Normalize(m).Equals(MessageWaitingState.Normalize(mailbox), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool Send(PjsipEndpoint endpoint, ContactBinding contact, string mailbox, MwiCounts counts)
    {
        if (QualifyService.PeerFor(contact) is not { } peer || stack.TransportFor(peer) is not { } transport)
        {
            LogNoRoute(log, endpoint.Name, contact.Uri);
            return false;
        }

        string host = endpoint.FromDomain.Length > 0 ? endpoint.FromDomain : LocalAddressResolver.HostText(LocalAddressResolver.For(transport.Local, peer.Remote.Address));
        string user = endpoint.MwiFromUser.Length > 0 ? endpoint.MwiFromUser : endpoint.FromUser.Length > 0 ? endpoint.FromUser : "asterisk";
        var account = MessageSummary.AccountUri(endpoint.VoicemailExtension, runtime.Config.Global.DefaultVoicemailExtension, host);
        var request = new OutgoingRequest
        {
            Method = SipMethod.Notify,
            RequestUri = contact.Uri,
            FromUri = "sip:" + user + "@" + host,
            ToUri = contact.Uri,
            ContactUser = user,
            ContentType = MessageSummary.ContentType,
            Body = Encoding.ASCII.GetBytes(MessageSummary.Body(account, counts)),
        };
        request.Headers.Add(new("Event", MessageSummary.EventPackage));
        request.Headers.Add(new("Subscription-State", "active"));
        try
        {
            if (stack.SendRequest(request, peer, this, contact.Uri) is null)
            {
                LogNoRoute(log, endpoint.Name, contact.Uri);
                return false;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            LogNoRoute(log, endpoint.Name, contact.Uri);
            return false;
        }

        LogSent(log, endpoint.Name, contact.Uri, mailbox, counts.New, counts.Old, counts.Urgent);
        return true;
    }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode >= 300)
        {
            LogRefused(log, transaction.UserState as string ?? "?", response.StatusCode);
        }
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
        => LogRefused(log, transaction.UserState as string ?? "?", failure == TransactionFailure.Timeout ? 408 : 503);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "MWI: NOTIFY {Endpoint} at {Contact}: {Mailbox} new {New} old {Old} urgent {Urgent}")]
    private static partial void LogSent(ILogger log, string endpoint, string contact, string mailbox, int @new, int old, int urgent);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "MWI: no transport to {Endpoint} at {Contact}")]
    private static partial void LogNoRoute(ILogger log, string endpoint, string contact);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Debug, Message = "MWI: NOTIFY to {Contact} answered {Status}")]
    private static partial void LogRefused(ILogger log, string contact, int status);
}
