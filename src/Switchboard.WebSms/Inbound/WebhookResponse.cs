namespace Switchboard.WebSms.Inbound;

/// <summary>What to answer a webhook: status code and body text.</summary>
public readonly record struct WebhookResponse(int Status, string Body);
