using Switchboard.Manager.Config;

namespace Switchboard.Manager.Events;

/// <summary>An event ready to send: its name, class (for permission checks) and its fields after Privilege.</summary>
public sealed record AmiEvent(string Name, AmiClass Class, IReadOnlyList<KeyValuePair<string, string>> Fields);
