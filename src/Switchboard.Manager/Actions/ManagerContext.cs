using Microsoft.Extensions.Logging;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Storage;
using Switchboard.Manager.Config;
using Switchboard.Manager.Events;
using Switchboard.Manager.Seams;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Actions;

/// <summary>The services shared by all sessions and actions of one manager.</summary>
internal sealed class ManagerContext
{
    private ManagerConfig _config;

    public ManagerContext(ManagerConfig config, EventBus bus, CliCommandRegistry cli, AstDatabase? database, PjsipService? pjsip, TimeProvider time, ILogger log)
    {
        _config = config;
        Bus = bus;
        Cli = cli;
        Database = database;
        Pjsip = pjsip;
        Time = time;
        Log = log;
        StartedAt = time.GetUtcNow();
        LastReload = StartedAt;
        Hub = new AmiEventHub(bus, Sessions, time, () => Config.TimestampEvents);
    }

    public ManagerConfig Config
    {
        get => Volatile.Read(ref _config);
        set => Volatile.Write(ref _config, value);
    }

    public EventBus Bus { get; }

    public CliCommandRegistry Cli { get; }

    public AstDatabase? Database { get; }

    public PjsipService? Pjsip { get; }

    public TimeProvider Time { get; }

    public ILogger Log { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset LastReload { get; set; }

    public AmiSessionRegistry Sessions { get; } = new();

    public AmiEventHub Hub { get; }

    public AmiActionRegistry Actions { get; } = new();

    public IAmiCallControl CallControl { get; set; } = NoCallControl.Instance;

    public IAmiMessageSender Messages { get; set; } = NoMessageSender.Instance;

    public IGlobalVariables Globals { get; set; } = new InMemoryGlobalVariables();

    /// <summary>Runs a CLI line for the Command action and Reload (output lines, exit code).</summary>
    public async ValueTask<(int Code, string Output)> RunCliAsync(string line, CancellationToken cancellationToken)
    {
        using var writer = new StringWriter();
        int code = await Cli.ExecuteAsync(line, writer, cancellationToken).ConfigureAwait(false);
        return (code, writer.ToString());
    }
}
