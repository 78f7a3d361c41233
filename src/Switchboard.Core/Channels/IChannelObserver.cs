using Switchboard.Core.Bridges;

namespace Switchboard.Core.Channels;

/// <summary>
/// Follows channels through their life (AMI channel events, CDR, device states for hints). Called synchronously on
/// the thread that changed the channel (usually the call's serializer key); implementations must not block.
/// </summary>
public interface IChannelObserver
{
    void OnNewChannel(Channel channel);

    void OnStateChanged(Channel channel);

    void OnHangup(Channel channel);

    void OnDialBegin(Channel caller, Channel callee, string dialString);

    void OnDialEnd(Channel caller, Channel callee, string dialStatus);

    void OnBridgeEnter(Bridge bridge, Channel channel);

    void OnBridgeLeave(Bridge bridge, Channel channel);
}
