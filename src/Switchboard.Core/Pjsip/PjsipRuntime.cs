using Switchboard.Config.Pjsip;

namespace Switchboard.Core.Pjsip;

/// <summary>
/// The PJSIP configuration in force: an immutable <see cref="PjsipConfig"/> swapped whole on reload, so a request
/// sees one consistent snapshot. Live registrations and calls are kept elsewhere and survive the swap.
/// </summary>
public sealed class PjsipRuntime
{
    private PjsipConfig _config;

    public PjsipRuntime(PjsipConfig config) => _config = config;

    public PjsipConfig Config => Volatile.Read(ref _config);

    /// <summary>Raised after a new configuration has been swapped in.</summary>
    public event Action<PjsipConfig>? Reloaded;

    public void Swap(PjsipConfig config)
    {
        Volatile.Write(ref _config, config);
        Reloaded?.Invoke(config);
    }

    public PjsipEndpoint? Endpoint(string name) => Config.Endpoints.TryGet(name, out var e) ? e : null;

    public PjsipAor? Aor(string name) => Config.Aors.TryGet(name, out var a) ? a : null;

    public PjsipAuth? Auth(string name) => Config.Auths.TryGet(name, out var a) ? a : null;
}
