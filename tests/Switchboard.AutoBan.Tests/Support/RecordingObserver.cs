using Switchboard.AutoBan.Policy;

namespace Switchboard.AutoBan.Tests.Support;

internal sealed class RecordingObserver : IBanObserver
{
    public List<SetChange> Changes { get; } = [];

    public void OnChange(in SetChange change) => Changes.Add(change);
}
