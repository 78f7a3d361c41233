using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Messaging;

/// <summary>Log lines of messaging.</summary>
internal static partial class MessagingLog
{
    // Debug, not Information: one line per message is a cost the relay pays thousands of times a second.
    [LoggerMessage(Level = LogLevel.Debug, Message = "MESSAGE from endpoint '{Endpoint}' to '{Exten}' accepted (inbox {Id}), running {Context}")]
    public static partial void Accepted(ILogger log, string endpoint, string exten, long id, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MessageSend to '{To}': {Status}")]
    public static partial void InvalidDestination(ILogger log, string to, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message sent to {Uri}: {Code}")]
    public static partial void Sent(ILogger log, string uri, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message to {Uri} failed: {Code}")]
    public static partial void SendFailed(ILogger log, string uri, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint '{Endpoint}' has no contact to send a message to")]
    public static partial void NoContacts(ILogger log, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message from '{From}' for endpoint '{Endpoint}' could not be delivered and is not stored")]
    public static partial void NotDelivered(ILogger log, string endpoint, string from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Id} from '{From}' for endpoint '{Endpoint}' stored: no device reachable (expires {Expires})")]
    public static partial void Queued(ILogger log, long id, string endpoint, string from, string expires);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored message {Id} from '{From}' delivered to endpoint '{Endpoint}' ({Contacts} contact(s))")]
    public static partial void QueuedDelivered(ILogger log, long id, string endpoint, string from, int contacts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored message {Id} for endpoint '{Endpoint}' still undeliverable; kept")]
    public static partial void QueuedStillUndeliverable(ILogger log, long id, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored message {Id} from '{From}' for endpoint '{Endpoint}' expired undelivered (stored {Created})")]
    public static partial void Expired(ILogger log, long id, string endpoint, string from, string created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message dialplan failed in {Context},{Exten}")]
    public static partial void DialplanFailed(ILogger log, Exception ex, string context, string exten);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying {Count} accepted message(s) left from the last run")]
    public static partial void Replaying(ILogger log, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write an incoming message to the store: {Reason}")]
    public static partial void StoreFailed(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MESSAGE from endpoint '{Endpoint}' refused: {Reason}")]
    public static partial void Refused(ILogger log, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering stored messages for '{Endpoint}' failed: {Reason}")]
    public static partial void ForwardFailed(ILogger log, string endpoint, string reason);
}
