using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Sip;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Messaging;

/// <summary>
/// Sends one SIP MESSAGE (RFC 3428) out of dialog and completes with the final status code: 2xx delivered,
/// 408 when no answer came (Timer F), 503 when the transport failed or none was available. A 401/407 is answered
/// once with the sending endpoint's outbound_auth credentials (a trunk that wants digest for MESSAGE, as for INVITE).
/// </summary>
internal sealed class SipMessageSender(SipStack stack) : IClientTransactionUser
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="requestUri"/> at <paramref name="peer"/> with the From already chosen.</summary>
    public Task<int> SendAsync(TextMessage message, string requestUri, SipPeer peer, string from, string? fromDomain = null, PjsipAuth? credentials = null)
    {
        var transport = stack.TransportFor(peer);
        if (transport is null)
        {
            return Task.FromResult(503);
        }

        var host = fromDomain is { Length: > 0 } ? fromDomain : LocalAddressResolver.HostText(LocalAddressResolver.For(transport.Local, peer.Remote.Address));
        var (display, fromUri) = FromHeader.Build(from, host);
        var request = new OutgoingRequest
        {
            Method = SipMethod.Message,
            RequestUri = requestUri,
            FromUri = fromUri,
            FromDisplay = display,
            ToUri = requestUri,
            ContentType = message.ContentType.Length > 0 ? message.ContentType : "text/plain;charset=UTF-8",
            Body = Encoding.UTF8.GetBytes(message.Body),
        };
        foreach (var (name, value) in message.Headers)
        {
            if (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Add(new(name, value));
            }
        }

        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            if (stack.SendRequest(request, peer, this, new Pending(done, request, peer, credentials)) is null)
            {
                return Task.FromResult(503);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Task.FromResult(503);
        }

        return done.Task;
    }

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode < 200 || transaction.UserState is not Pending pending)
        {
            return;
        }

        if (response.StatusCode is 401 or 407 && pending.Credentials is { } auth && !pending.Authenticated
            && OutboundDigest.TryAnswer(response, pending.Request, auth, out var retry))
        {
            try
            {
                if (stack.SendRequest(retry, pending.Peer, this, pending with { Request = retry, Authenticated = true }) is not null)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // fall through: the challenge is the final answer
            }
        }

        pending.Done.TrySetResult(response.StatusCode);
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
        if (transaction.UserState is Pending pending)
        {
            pending.Done.TrySetResult(failure == TransactionFailure.Timeout ? 408 : 503);
        }
    }

    /// <summary>One MESSAGE in flight: its completion, the request as sent (for a digest retry) and the credentials to answer a challenge with.</summary>
    private sealed record Pending(TaskCompletionSource<int> Done, OutgoingRequest Request, SipPeer Peer, PjsipAuth? Credentials, bool Authenticated = false);
}
