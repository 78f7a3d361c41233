namespace Switchboard.Core.Messaging;

/// <summary>A message waiting in the store for an endpoint to register.</summary>
public sealed record StoredMessage(long Id, string Endpoint, string From, string To, string Body, string ContentType, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int Attempts);
