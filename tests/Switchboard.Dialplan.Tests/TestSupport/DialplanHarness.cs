using Microsoft.Extensions.Time.Testing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>Loads extensions.conf text into an engine with a fake clock, a Trace() app and a list logger.</summary>
internal sealed class DialplanHarness
{
    private DialplanHarness(DialplanEngine engine, DiagnosticBag diagnostics, FakeTimeProvider time, ListLogger logger, TraceApplication trace)
    {
        Engine = engine;
        Diagnostics = diagnostics;
        Time = time;
        Logger = logger;
        Trace = trace;
    }

    public DialplanEngine Engine { get; }

    public DiagnosticBag Diagnostics { get; }

    public FakeTimeProvider Time { get; }

    public ListLogger Logger { get; }

    public TraceApplication Trace { get; }

    public DialplanSnapshot Dialplan => Engine.Current;

    /// <summary>The fake clock starts at Monday 2024-01-15 10:30 UTC (local zone UTC).</summary>
    public static DialplanHarness Load(string text, Action<DialplanEngine>? setup = null, IReadOnlyList<HintDefinition>? hints = null, DialplanEngineOptions? options = null, bool allowErrors = false)
    {
        var source = new InMemoryConfigFileSource().Add("extensions.conf", text);
        return Load(source, "extensions.conf", setup, hints, options, allowErrors);
    }

    public static DialplanHarness Load(IConfigFileSource source, string file, Action<DialplanEngine>? setup = null, IReadOnlyList<HintDefinition>? hints = null, DialplanEngineOptions? options = null, bool allowErrors = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var logger = new ListLogger();
        var engine = new DialplanEngine(options, time, logger);
        var trace = new TraceApplication();
        engine.Applications.Register(trace);
        setup?.Invoke(engine);
        var diagnostics = new DiagnosticBag();
        var document = ConfParser.Parse(source, file, diagnostics);
        var snapshot = DialplanLoader.Load(document, diagnostics, new DialplanLoadOptions
        {
            IsKnownApplication = engine.Applications.Contains,
            ExtraHints = hints ?? [],
        });
        if (!allowErrors)
        {
            Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        }

        engine.Publish(snapshot);
        return new DialplanHarness(engine, diagnostics, time, logger, trace);
    }

    public async Task<(DialplanExitReason Reason, FakeChannel Channel)> RunAsync(string context, string exten, FakeChannel? channel = null, int priority = 1)
    {
        channel ??= new FakeChannel();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reason = await Engine.RunAsync(channel, context, exten, priority, cts.Token);
        return (reason, channel);
    }

    public DialplanContext NewContext(string context = "default", string exten = "s", FakeChannel? channel = null) =>
        new(Engine, channel ?? new FakeChannel(), context, exten);
}
