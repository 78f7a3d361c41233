namespace Switchboard.Core.Originate;

/// <summary>How an originated call went: answered (with the channel that now runs the dialplan) or why not.</summary>
public sealed record OriginateResult(bool Answered, string ChannelName, string UniqueId, int Cause, string Reason)
{
    public static OriginateResult Failed(int cause, string reason) => new(false, string.Empty, string.Empty, cause, reason);
}
