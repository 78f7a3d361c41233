using Microsoft.Extensions.Logging;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Functions;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Variables;

namespace Switchboard.Dialplan.Execution;

/// <summary>
/// The dialplan interpreter's shared parts: the current snapshot (swapped on reload), the function and
/// application registries (built-ins registered; Core adds its own), globals, AstDB, device states, clock,
/// logger and limits. <see cref="RunAsync"/> runs a channel.
/// </summary>
public sealed class DialplanEngine
{
    private DialplanSnapshot _current = DialplanSnapshot.Empty;

    /// <summary>Creates an engine with the built-in functions and applications registered.</summary>
    public DialplanEngine(DialplanEngineOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        Options = options ?? new DialplanEngineOptions();
        Time = time ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        BuiltinFunctions.RegisterAll(Functions);
        BuiltinApplications.RegisterAll(Applications);
    }

    /// <summary>Limits and defaults.</summary>
    public DialplanEngineOptions Options { get; }

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Logger for dialplan messages.</summary>
    public ILogger Logger { get; }

    /// <summary>Registered functions.</summary>
    public FunctionRegistry Functions { get; } = new();

    /// <summary>Registered applications.</summary>
    public ApplicationRegistry Applications { get; } = new();

    /// <summary>Global variables.</summary>
    public GlobalVariables Globals { get; } = new();

    /// <summary>AstDB behind DB() (in memory unless Core sets its SQLite store).</summary>
    public IAstDb AstDb { get; set; } = new InMemoryAstDb();

    /// <summary>Device states behind DEVICE_STATE(); null answers UNKNOWN.</summary>
    public IDeviceStateProvider? DeviceStates { get; set; }

    /// <summary>Called before each application runs (channel layer: current application, CDR lastapp/lastdata).</summary>
    public Action<DialplanContext, string, string>? ApplicationStarting { get; set; }

    /// <summary>The dialplan channels run now.</summary>
    public DialplanSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// Makes <paramref name="snapshot"/> current and applies its <c>[globals]</c> (with clearglobalvars=yes,
    /// globals not in the file are removed first).
    /// </summary>
    public void Publish(DialplanSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Settings.ClearGlobalVars)
        {
            Globals.Clear();
        }

        foreach (var (name, value) in snapshot.Globals)
        {
            Globals.Set(name, value);
        }

        Volatile.Write(ref _current, snapshot);
    }

    /// <summary>
    /// <c>dialplan reload</c>: parses <paramref name="fileName"/> (with its includes) from <paramref name="source"/>,
    /// builds a snapshot (unknown applications are checked against <see cref="Applications"/>, so register
    /// them first) and publishes it only when there are no errors; otherwise the running dialplan stays.
    /// The diagnostics name file:line.
    /// </summary>
    public DiagnosticBag Reload(IConfigFileSource source, string fileName = "extensions.conf", IReadOnlyList<HintDefinition>? extraHints = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new DiagnosticBag();
        var document = ConfParser.Parse(source, fileName, diagnostics);
        var snapshot = DialplanLoader.Load(document, diagnostics, new DialplanLoadOptions
        {
            IsKnownApplication = Applications.Contains,
            ExtraHints = extraHints ?? [],
        });
        if (!diagnostics.HasErrors)
        {
            Publish(snapshot);
        }

        return diagnostics;
    }

    /// <summary>Runs <paramref name="channel"/> from a location until the call ends; then runs the <c>h</c> extension.</summary>
    public Task<DialplanExitReason> RunAsync(IDialplanChannel channel, string context, string exten, int priority = 1, CancellationToken cancellationToken = default) =>
        new DialplanExecutor(this).RunAsync(new DialplanContext(this, channel, context, exten, priority), cancellationToken);

    /// <summary>Runs an already prepared state (e.g. with variables set by the caller).</summary>
    public Task<DialplanExitReason> RunAsync(DialplanContext state, CancellationToken cancellationToken = default) =>
        new DialplanExecutor(this).RunAsync(state, cancellationToken);
}
