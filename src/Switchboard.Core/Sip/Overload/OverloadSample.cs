namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// What the server has queued at one moment: how long work waits for a thread-pool thread (the per-call serializers
/// and the timers run there), how many thread-pool items wait, how many INVITEs have no final response, and how long
/// the UDP receive loops have found datagrams waiting at every read (they cannot keep up with what arrives).
/// </summary>
internal readonly record struct OverloadSample(TimeSpan QueueDelay, long QueuedWorkItems, long PendingInvites, TimeSpan ReceiveBacklog = default);
