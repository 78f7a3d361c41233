namespace Switchboard.Manager.Actions;

/// <summary>The actions by name (case-insensitive), in registration order for ListCommands.</summary>
internal sealed class AmiActionRegistry
{
    private readonly Dictionary<string, AmiAction> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AmiAction> _ordered = [];

    public IReadOnlyList<AmiAction> All => _ordered;

    public void Add(AmiAction action)
    {
        if (!_byName.TryAdd(action.Name, action))
        {
            throw new InvalidOperationException("AMI action already registered: " + action.Name);
        }

        _ordered.Add(action);
    }

    public AmiAction? Find(string name) => _byName.GetValueOrDefault(name);
}
