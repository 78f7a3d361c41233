using System.Net;

namespace Switchboard.Manager.Config;

/// <summary>manager.conf: the [general] options and the users. Immutable; reload builds a new one.</summary>
public sealed record ManagerConfig
{
    public const int DefaultPort = 5038;

    public static ManagerConfig Disabled { get; } = new() { Enabled = false };

    public bool Enabled { get; init; }

    public int Port { get; init; } = DefaultPort;

    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    public bool DisplayConnects { get; init; } = true;

    public bool TimestampEvents { get; init; }

    public bool AllowMultipleLogin { get; init; } = true;

    /// <summary>Seconds an unauthenticated connection may stay (Asterisk's authtimeout, 30).</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Concurrent unauthenticated connections (Asterisk's authlimit, 50).</summary>
    public int AuthLimit { get; init; } = 50;

    /// <summary>Concurrent connections in all (more are refused at accept).</summary>
    public int MaxConnections { get; init; } = 256;

    public IReadOnlyDictionary<string, ManagerUser> Users { get; init; } = new Dictionary<string, ManagerUser>(StringComparer.OrdinalIgnoreCase);

    public ManagerUser? FindUser(string name) => Users.GetValueOrDefault(name);
}
