using Switchboard.AutoBan.Addressing;

namespace Switchboard.AutoBan.Policy;

internal enum SetChangeKind
{
    Added,
    Removed,
    Flushed,
}

/// <summary>
/// One change of set membership, for the enforcement layers. <see cref="Timeout"/> is the element's timeout
/// (zero for black/whitelist); <see cref="Expired"/> marks a removal because the time ran out (nft's own timeout
/// removes the element, so nothing needs to be sent).
/// </summary>
internal readonly record struct SetChange(SetChangeKind Kind, AutoBanSet Set, BanAddress Address, TimeSpan Timeout, bool Expired);
