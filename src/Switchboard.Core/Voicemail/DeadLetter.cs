namespace Switchboard.Core.Voicemail;

/// <summary>One mail in the outbox's failed/ folder: its id (the file name without .eml), path and why it is there (null when the sidecar is missing).</summary>
public sealed record DeadLetter(string Id, string Path, DeadLetterReason? Reason);
