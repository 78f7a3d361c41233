namespace Switchboard.WebSms.Inbound;

/// <summary>A webhook SMS accepted by the filters: where it enters the dialplan and what it says.</summary>
/// <param name="Index">The interface index that matched (null when the configuration is not indexed).</param>
public sealed record InboundSms(string To, string From, string Body, string? Index, string Context);
