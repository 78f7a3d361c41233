using System.Text;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Agi;

/// <summary>
/// One AGI conversation with a script: sends the environment block, then reads one command per line and writes
/// Asterisk-format replies until the script closes its side. Transport-neutral (a local program's pipes or a
/// FastAGI socket). Location changes (SET CONTEXT/EXTENSION/PRIORITY, EXEC Goto) are written to the dialplan
/// state the way Asterisk does: the priority is set one below the target, and the executor steps to it.
/// </summary>
internal sealed class AgiSession
{
    /// <summary>How long a script may stay silent after the channel hung up before the session is cut.</summary>
    public static readonly TimeSpan HangupGrace = TimeSpan.FromSeconds(10);

    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly Action? _abort;
    private readonly Stream _output;
    private long _lastLineTicks;
    private readonly AgiLineReader _reader;
    private readonly bool _isNetwork;
    private bool _hangupSent;

    /// <param name="abort">Closes the transport (socket, pipes): called by the watchdog when the channel hung up and the script went silent.</param>
    public AgiSession(DialplanContext context, Stream fromScript, Stream toScript, bool isNetwork, int maxLineLength = AgiLineReader.DefaultMaxLineLength, Action? abort = null)
    {
        Context = context;
        _abort = abort;
        _output = toScript;
        _reader = new AgiLineReader(fromScript, maxLineLength);
        _isNetwork = isNetwork;
    }

    /// <summary>The dialplan state of the channel the script controls.</summary>
    public DialplanContext Context { get; }

    /// <summary>Commands handled so far.</summary>
    public int CommandCount { get; private set; }

    /// <summary>True once a write to the script failed (it went away); the session ends.</summary>
    public bool ScriptGone { get; private set; }

    /// <summary>Runs the conversation until the script closes (or goes away, or <paramref name="cancellationToken"/> fires).</summary>
    public async Task RunAsync(string environment, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchdog = _abort is null ? Task.CompletedTask : WatchAsync(stop.Token);
        try
        {
            await ConverseAsync(environment, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await watchdog.ConfigureAwait(false);
        }
    }

    /// <summary>True once the watchdog cut a script that stayed silent after the hang-up.</summary>
    public bool CutAfterHangup { get; private set; }

    private async Task ConverseAsync(string environment, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastLineTicks, Context.Time.GetTimestamp());
        if (!await WriteAsync(environment, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        while (!ScriptGone)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (line is null)
            {
                return;
            }

            Interlocked.Exchange(ref _lastLineTicks, Context.Time.GetTimestamp());

            var reply = _reader.LastLineTooLong ? AgiReplies.Unknown : await HandleAsync(line, cancellationToken).ConfigureAwait(false);
            if (reply is null)
            {
                continue;
            }

            if (!await WriteAsync(reply + "\n", cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await NotifyHangupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles one command line; null for an empty line (no reply).</summary>
    public async ValueTask<string?> HandleAsync(string line, CancellationToken cancellationToken)
    {
        var argv = AgiCommandLine.Split(line);
        if (argv.Count == 0)
        {
            return null;
        }

        CommandCount++;
        var command = AgiCommandTable.Find(argv);
        if (command is null)
        {
            AgiLog.UnknownCommand(Context.Logger, Context.Channel.Name, Printable(line));
            return AgiReplies.Unknown;
        }

        if (Context.Channel.IsHungUp && !command.DeadSafe)
        {
            return AgiReplies.DeadChannel;
        }

        var reply = await command.Handler(this, argv, cancellationToken).ConfigureAwait(false);
        return reply ?? AgiReplies.Usage(command);
    }

    /// <summary>
    /// Moves the dialplan to <paramref name="location"/> once AGI returns: the executor adds one to the priority
    /// after an application that continues, so the priority is stored one below the target.
    /// </summary>
    public void MoveTo(string context, string exten, int priority)
    {
        Context.Context = context;
        Context.Exten = exten;
        Context.Priority = priority - 1;
    }

    /// <summary>FastAGI scripts are told once that the channel hung up (a <c>HANGUP</c> line), as Asterisk does.</summary>
    private async ValueTask NotifyHangupAsync(CancellationToken cancellationToken)
    {
        if (_isNetwork && !_hangupSent && Context.Channel.IsHungUp)
        {
            _hangupSent = true;
            await WriteAsync("HANGUP\n", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A script that neither talks nor closes would hold the call's dialplan for ever: once the channel has hung up
    /// and no command came for <see cref="HangupGrace"/>, the transport is closed (the pending read then ends).
    /// </summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var time = Context.Time;
        long? hungUpAt = null;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                if (!Context.Channel.IsHungUp)
                {
                    continue;
                }

                hungUpAt ??= time.GetTimestamp();
                var quietSince = Math.Max(hungUpAt.Value, Interlocked.Read(ref _lastLineTicks));
                if (time.GetElapsedTime(quietSince) >= HangupGrace)
                {
                    CutAfterHangup = true;
                    AgiLog.Warning(Context.Logger, Context.Channel.Name, $"script silent for {HangupGrace.TotalSeconds:0} s after hangup; closing it");
                    _abort!();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The conversation ended first.
        }
    }

    private async ValueTask<bool> WriteAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            await _output.WriteAsync(Utf8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            ScriptGone = true;
            return false;
        }
    }

    private static string Printable(string line) => line.Length > 200 ? line[..200] + "..." : line;
}
