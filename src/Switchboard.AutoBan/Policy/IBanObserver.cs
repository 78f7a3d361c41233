namespace Switchboard.AutoBan.Policy;

/// <summary>Receives every membership change of <see cref="BanPolicy"/>, under its lock: must only queue work.</summary>
internal interface IBanObserver
{
    void OnChange(in SetChange change);
}
