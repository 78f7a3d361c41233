namespace Switchboard.Interop.Tests.Messaging;

/// <summary>One HTTP request the fake ITSP received.</summary>
internal sealed record ItspRequest(string Path, string? Authorization, string? ContentType, string Body);
