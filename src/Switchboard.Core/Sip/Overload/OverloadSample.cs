namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// What the server has queued at one moment: how long work waits for a thread-pool thread (the per-call serializers
/// and the receive loops run there), how many thread-pool items wait, and how many INVITEs have no final response.
/// </summary>
internal readonly record struct OverloadSample(TimeSpan QueueDelay, long QueuedWorkItems, long PendingInvites);
