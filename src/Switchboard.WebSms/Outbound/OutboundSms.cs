namespace Switchboard.WebSms.Outbound;

/// <summary>The HTTP request websms sends to the ITSP, fully built (fields sorted, auth applied).</summary>
public sealed record OutboundRequest(Uri Url, string ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<KeyValuePair<string, string>> Fields);
