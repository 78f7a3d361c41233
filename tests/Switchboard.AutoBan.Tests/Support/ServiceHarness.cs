using Microsoft.Extensions.Time.Testing;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Enforcement;
using Switchboard.Common.Nft;
using Switchboard.Core.Events;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>An AutoBanService on a fake clock with a temporary state directory.</summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    private readonly string _dir;

    public ServiceHarness(TempDirectory dir, AutoBanOptions? options = null, INftRunner? runner = null, FakeTimeProvider? time = null)
        : this(dir.Path, options, runner, time)
    {
    }

    private ServiceHarness(string dir, AutoBanOptions? options, INftRunner? runner, FakeTimeProvider? time)
    {
        Options = options ?? AutoBanOptions.Default;
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _dir = dir;
        StatePath = Path.Combine(_dir, "var", "lib", "asterisk", "autoban.json");
        Runner = runner;
        Service = new AutoBanService(Options, Bus, Time, Logger, StatePath, runner);
    }

    public AutoBanOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public EventBus Bus { get; } = new();

    public CapturingLogger Logger { get; } = new();

    public INftRunner? Runner { get; }

    public string StatePath { get; }

    public AutoBanService Service { get; }

    public void Offend(string address, int count = 1, SecurityEventType type = SecurityEventType.InvalidPassword, string service = "PJSIP")
    {
        for (int i = 0; i < count; i++)
        {
            Bus.Publish(Events.Security(type, address, service));
        }
    }

    /// <summary>A second service on the same clock and state directory (a restart).</summary>
    public ServiceHarness Restart(INftRunner? runner = null, AutoBanOptions? options = null) => new(_dir, options ?? Options, runner, Time);

    public bool Admitted(string address) => Service.AdmissionFilter.Admit(System.Net.IPAddress.Parse(address).GetAddressBytes());

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
    }
}
