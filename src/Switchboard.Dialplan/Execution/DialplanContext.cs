using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Dialplan.Functions;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Execution;

/// <summary>
/// The interpreter state of one channel: where it is in the dialplan (context, extension, priority), its
/// Gosub and While stacks, and access to variables, functions and the engine's services. Applications
/// receive it. Not thread safe: it belongs to the channel's serializer.
/// </summary>
public sealed class DialplanContext : ISubstitutionScope
{
    private readonly List<GosubFrame> _frames = [];
    private readonly List<WhileFrame> _rootWhiles = [];

    /// <summary>Creates the state for <paramref name="channel"/> at a starting location.</summary>
    public DialplanContext(DialplanEngine engine, IDialplanChannel channel, string context, string exten, int priority = 1)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exten);
        Engine = engine;
        Channel = channel;
        Context = context;
        Exten = exten;
        Priority = priority;
        DigitTimeout = engine.Options.DigitTimeout;
        ResponseTimeout = engine.Options.ResponseTimeout;
    }

    /// <summary>The engine (registries, globals, options, services).</summary>
    public DialplanEngine Engine { get; }

    /// <summary>The channel being run.</summary>
    public IDialplanChannel Channel { get; }

    /// <summary>The current dialplan snapshot (a reload takes effect at the next step).</summary>
    public DialplanSnapshot Dialplan => Engine.Current;

    /// <summary>Current context (${CONTEXT}).</summary>
    public string Context { get; set; }

    /// <summary>Current extension, the dialled string (${EXTEN}).</summary>
    public string Exten { get; set; }

    /// <summary>Current priority (${PRIORITY}).</summary>
    public int Priority { get; set; }

    /// <summary>The current location.</summary>
    public DialplanLocation Location => new(Context, Exten, Priority);

    /// <summary>Clock for time-dependent functions and applications.</summary>
    public TimeProvider Time => Engine.Time;

    /// <summary>Logger of the dialplan.</summary>
    public ILogger Logger => Engine.Logger;

    /// <summary>Priorities executed so far.</summary>
    public long Steps { get; internal set; }

    /// <summary>Time between digits when collecting an extension (TIMEOUT(digit)).</summary>
    public TimeSpan DigitTimeout { get; set; }

    /// <summary>Default WaitExten time (TIMEOUT(response)).</summary>
    public TimeSpan ResponseTimeout { get; set; }

    /// <summary>The caller number, used to match caller-id extensions.</summary>
    public string CallerNumber => Channel.CallerId.Number;

    /// <summary>Gosub depth (0 outside any subroutine).</summary>
    public int GosubDepth => _frames.Count;

    /// <summary>The name of the application being executed, for messages.</summary>
    public string CurrentApplication { get; internal set; } = string.Empty;

    internal List<WhileFrame> CurrentWhiles => _frames.Count == 0 ? _rootWhiles : _frames[^1].Whiles;

    internal GosubFrame? CurrentFrame => _frames.Count == 0 ? null : _frames[^1];

    /// <summary>Reads a variable: built-ins first, then channel variables, then globals.</summary>
    public bool TryGetVariable(string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (BuiltinVariables.TryGet(this, name, out value))
        {
            return true;
        }

        if (Channel.Variables.TryGet(name, out value))
        {
            return true;
        }

        return Engine.Globals.TryGet(name, out value);
    }

    /// <summary>The variable's value, or empty when unset.</summary>
    public string GetVariable(string name) => TryGetVariable(name, out var v) ? v : string.Empty;

    /// <summary>
    /// Sets a channel variable, or writes a function when the name has the form <c>FUNC(args)</c>
    /// (<c>Set(CALLERID(num)=123)</c>). Returns the function's error, or null.
    /// </summary>
    public string? SetVariable(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        name = name.Trim();
        if (name.EndsWith(')'))
        {
            AppArgs.SplitCall(name, out var function, out var args);
            var result = WriteFunction(function, args, value);
            return result.Success ? null : result.Error;
        }

        Channel.Variables.Set(name, value);
        return null;
    }

    /// <summary>Reads a function (used for <c>${FUNC(args)}</c>).</summary>
    public FunctionResult ReadFunction(string name, string args)
    {
        if (!Engine.Functions.TryGet(name, out var function))
        {
            return FunctionResult.Fail($"function '{name}' not registered");
        }

        return function.Read(this, args);
    }

    /// <summary>Writes a function (used for <c>Set(FUNC(args)=value)</c>).</summary>
    public FunctionResult WriteFunction(string name, string args, string value)
    {
        if (!Engine.Functions.TryGet(name, out var function))
        {
            return FunctionResult.Fail($"function '{name}' not registered");
        }

        if (!function.CanWrite)
        {
            return FunctionResult.Fail($"function '{name}' cannot be written to");
        }

        return function.Write(this, args, value);
    }

    /// <inheritdoc />
    public bool TryReadFunction(string name, string args, out string value)
    {
        var result = ReadFunction(name, args);
        if (!result.Success)
        {
            ReportWarning(result.Error ?? $"{name}() failed");
            value = string.Empty;
            return false;
        }

        value = result.Value;
        return true;
    }

    /// <inheritdoc />
    public void ReportWarning(string message) => DialplanLog.SubstitutionWarning(Logger, Channel.Name, Exten, Context, Priority, message);

    /// <summary>Expands variables, functions and expressions in <paramref name="text"/>.</summary>
    public string Substitute(string text) => Template.Parse(text).Render(this);

    /// <summary>True when the location exists (through includes, for the caller).</summary>
    public bool Exists(string context, string exten, int priority) => Dialplan.Exists(context, exten, priority, CallerNumber, Time);

    /// <summary>
    /// Resolves a Goto target <c>[[context,]exten,]priority</c> where priority is a number, a label, or
    /// <c>+n</c>/<c>-n</c> relative to the current priority. Does not check that the target exists (as Asterisk).
    /// </summary>
    public bool TryResolveGoto(string target, out DialplanLocation location, out string? error)
    {
        ArgumentNullException.ThrowIfNull(target);
        location = default;
        error = null;
        var parts = target.Split(',', 3);
        string context = Context, exten = Exten, priorityText;
        switch (parts.Length)
        {
            case 1:
                priorityText = parts[0];
                break;
            case 2:
                exten = parts[0];
                priorityText = parts[1];
                break;
            default:
                context = parts[0];
                exten = parts[1];
                priorityText = parts[2];
                break;
        }

        context = context.Trim().Length == 0 ? Context : context.Trim();
        exten = exten.Trim().Length == 0 ? Exten : exten.Trim();
        priorityText = priorityText.Trim();
        if (priorityText.Length == 0)
        {
            error = $"Goto target '{target}' has no priority";
            return false;
        }

        var mode = 0;
        var numberText = priorityText.AsSpan();
        if (priorityText[0] == '+')
        {
            mode = 1;
            numberText = numberText[1..];
        }
        else if (priorityText[0] == '-')
        {
            mode = -1;
            numberText = numberText[1..];
        }

        if (int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var resolved = mode == 0 ? number : Priority + (mode * number);
            if (resolved < 1)
            {
                error = $"Priority '{priorityText}' must be a number > 0, or valid label";
                return false;
            }

            location = new DialplanLocation(context, exten, resolved);
            return true;
        }

        if (mode == 0 && Dialplan.TryFindLabel(context, exten, priorityText, CallerNumber, Time, out var match))
        {
            location = new DialplanLocation(context, exten, match.Priority.Number);
            return true;
        }

        error = $"Priority '{priorityText}' must be a number > 0, or valid label (target '{target}' from {Exten}@{Context})";
        return false;
    }

    internal void PushFrame(GosubFrame frame) => _frames.Add(frame);

    internal GosubFrame? PopFrame()
    {
        if (_frames.Count == 0)
        {
            return null;
        }

        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        foreach (var name in frame.Locals)
        {
            Channel.Variables.Remove(name);
        }

        return frame;
    }

    /// <summary>LOCAL(name)=value: the first write in a Gosub level shadows the outer value until Return.</summary>
    internal bool SetLocal(string name, string value)
    {
        var frame = CurrentFrame;
        if (frame is null)
        {
            return false;
        }

        if (frame.Locals.Contains(name))
        {
            Channel.Variables.Set(name, value);
        }
        else
        {
            frame.Locals.Add(name);
            Channel.Variables.Push(name, value);
        }

        return true;
    }

    /// <summary>LOCAL(name): the value when the current Gosub level owns the variable, else empty.</summary>
    internal string ReadLocal(string name)
    {
        var frame = CurrentFrame;
        return frame is not null && frame.Locals.Contains(name) ? Channel.Variables.Get(name) ?? string.Empty : string.Empty;
    }
}
