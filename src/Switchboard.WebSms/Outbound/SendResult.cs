namespace Switchboard.WebSms.Outbound;

/// <summary>The outcome of sending one SMS to the ITSP.</summary>
public sealed record SendResult(bool Success, int? StatusCode, string Detail, int Attempts);
