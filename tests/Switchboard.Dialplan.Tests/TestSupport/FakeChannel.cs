using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Variables;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>
/// A channel driven by a script of caller inputs. Every action is recorded in <see cref="Log"/>
/// ("Answer", "Play:hello-world", "Indicate:Busy", "Hangup:16", "Wait:1", "Echo"). A digit at the head
/// of the script interrupts a prompt whose stop digits contain it; waits take the next input; an
/// empty script means silence.
/// </summary>
internal sealed class FakeChannel : IDialplanChannel
{
    private readonly Queue<FakeInput> _inputs = new();

    public FakeChannel(string name = "PJSIP/alice-00000001", string uniqueId = "1700000000.1")
    {
        Name = name;
        UniqueId = uniqueId;
    }

    public string Name { get; }

    public string UniqueId { get; }

    public ChannelVariables Variables { get; } = new();

    public ChannelState State { get; set; } = ChannelState.Ring;

    public bool IsHungUp { get; private set; }

    public int HangupCause { get; set; }

    public string Language { get; set; } = "en";

    public CallerIdInfo CallerId { get; set; } = new("1001", "Alice");

    public List<string> Log { get; } = [];

    public List<string> Played { get; } = [];

    /// <summary>Files that exist; null means every file exists.</summary>
    public HashSet<string>? ExistingFiles { get; set; }

    public Dictionary<string, string> Items { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeChannel Script(params FakeInput[] inputs)
    {
        foreach (var input in inputs)
        {
            _inputs.Enqueue(input);
        }

        return this;
    }

    public FakeChannel Dial(string digits)
    {
        foreach (var c in digits)
        {
            _inputs.Enqueue(FakeInput.Press(c));
        }

        return this;
    }

    public int PendingInputs => _inputs.Count;

    public string? ReadItem(string item) => Items.TryGetValue(item, out var v) ? v : null;

    public bool WriteItem(string item, string value)
    {
        Items[item] = value;
        return true;
    }

    public ValueTask AnswerAsync(CancellationToken cancellationToken)
    {
        if (!IsHungUp && State != ChannelState.Up)
        {
            State = ChannelState.Up;
            Log.Add("Answer");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
    {
        if (!IsHungUp)
        {
            IsHungUp = true;
            HangupCause = cause;
            Log.Add($"Hangup:{cause}");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken)
    {
        Log.Add($"Indicate:{indication}");
        return ValueTask.CompletedTask;
    }

    public ValueTask<PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken)
    {
        if (IsHungUp)
        {
            return ValueTask.FromResult(PlaybackResult.HungUp);
        }

        if (ExistingFiles is not null && !ExistingFiles.Contains(file))
        {
            Log.Add($"Missing:{file}");
            return ValueTask.FromResult(PlaybackResult.NotFound);
        }

        Log.Add($"Play:{file}");
        Played.Add(file);
        if (_inputs.TryPeek(out var next))
        {
            if (next.Kind == FakeInputKind.HangUp)
            {
                _inputs.Dequeue();
                CallerHangsUp();
                return ValueTask.FromResult(PlaybackResult.HungUp);
            }

            if (next.Kind == FakeInputKind.Digit && stopDigits.Contains(next.Digit, StringComparison.Ordinal))
            {
                _inputs.Dequeue();
                return ValueTask.FromResult(PlaybackResult.InterruptedBy(next.Digit));
            }
        }

        return ValueTask.FromResult(PlaybackResult.Completed);
    }

    public ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsHungUp)
        {
            return ValueTask.FromResult(DigitResult.HungUp);
        }

        Log.Add($"WaitDigit:{timeout.TotalSeconds}");
        if (!_inputs.TryDequeue(out var next))
        {
            return ValueTask.FromResult(DigitResult.Timeout);
        }

        switch (next.Kind)
        {
            case FakeInputKind.Digit:
                return ValueTask.FromResult(DigitResult.Of(next.Digit));
            case FakeInputKind.HangUp:
                CallerHangsUp();
                return ValueTask.FromResult(DigitResult.HungUp);
            default:
                return ValueTask.FromResult(DigitResult.Timeout);
        }
    }

    public ValueTask<bool> WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (IsHungUp)
        {
            return ValueTask.FromResult(false);
        }

        Log.Add($"Wait:{duration.TotalSeconds}");
        if (_inputs.TryPeek(out var next) && next.Kind == FakeInputKind.HangUp)
        {
            _inputs.Dequeue();
            CallerHangsUp();
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken)
    {
        Log.Add("Echo");
        while (_inputs.TryDequeue(out var next))
        {
            if (next.Kind == FakeInputKind.HangUp)
            {
                CallerHangsUp();
                return ValueTask.FromResult(DigitResult.HungUp);
            }

            if (next.Kind == FakeInputKind.Digit && next.Digit == '#')
            {
                break;
            }
        }

        return ValueTask.FromResult(DigitResult.Of('#'));
    }

    public void CallerHangsUp()
    {
        IsHungUp = true;
        if (HangupCause == 0)
        {
            HangupCause = 16;
        }

        Log.Add("CallerHangup");
    }
}
