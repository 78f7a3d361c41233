namespace Switchboard.AutoBan.Policy;

/// <summary>Passes each change to several observers in order.</summary>
internal sealed class ObserverFanout(params IBanObserver[] observers) : IBanObserver
{
    private IBanObserver[] _observers = observers;

    public void Add(IBanObserver observer) => _observers = [.. _observers, observer];

    public void OnChange(in SetChange change)
    {
        foreach (var o in _observers)
        {
            o.OnChange(change);
        }
    }
}
