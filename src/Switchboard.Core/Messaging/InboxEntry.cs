namespace Switchboard.Core.Messaging;

/// <summary>
/// An accepted incoming message (SIP MESSAGE answered 202, webhook answered 200) written down before it was
/// acknowledged; removed once its dialplan has run. Replayed at start when the PBX stopped in between.
/// </summary>
public sealed record InboxEntry(long Id, string Source, string Context, string Exten, string? Endpoint, string To, string From, string Body, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<KeyValuePair<string, string>> Variables, DateTimeOffset ReceivedAt);
